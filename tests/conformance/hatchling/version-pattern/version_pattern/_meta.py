NAME = "vp"
RELEASE = "4.5.6.post1"
