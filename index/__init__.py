"""attache's writing side: loading, cleaning, chunking, statement extraction, embedding and the store."""
