"""The Qt-free core: decode, parse, fold, store, import. Nothing here may import Qt."""
