print("not part of the package")
