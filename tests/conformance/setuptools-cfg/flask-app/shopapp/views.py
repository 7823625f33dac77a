from shopapp import app


@app.route("/")
def index():
    return "shop"
