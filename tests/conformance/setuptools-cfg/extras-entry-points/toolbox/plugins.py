def zip_plugin():
    return None
