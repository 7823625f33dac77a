def index():
    return "index"
