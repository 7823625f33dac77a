mo
