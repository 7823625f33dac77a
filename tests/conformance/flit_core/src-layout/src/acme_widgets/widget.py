def make():
    return "widget"
