# The module is named in [tool.flit.module]; the project name would give shop_server.
('''The shop server: ''' "adjacent literals, in parentheses,\
 form one docstring.\n\nMore text.")

VERSION = "dev"
__version__ = BUILD = '3.0.0rc2'
__version__ = "ignored: flit takes the first literal"
