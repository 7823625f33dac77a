"""My tool."""


def gui():
    return 0
