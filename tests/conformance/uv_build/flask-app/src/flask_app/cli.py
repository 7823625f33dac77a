def main():
    print("flask-app ok")


def seed():
    print("seeded")
