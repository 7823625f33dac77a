def main(): print("src-layout ok")
