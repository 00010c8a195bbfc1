"""YAML text, pure: the strict reader (bytes → positioned nodes + issues), the emitter (records →
canonical text), the splicer (new records into existing text, every other byte kept) and SPEC's
field orders. No I/O and no words; imported by load, store, importers and demo."""
