not the module
