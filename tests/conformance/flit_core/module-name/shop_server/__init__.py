"""Not packaged: flit packages the module [tool.flit.module] names."""
