class SqliteBackend: pass
class MemoryBackend: pass
