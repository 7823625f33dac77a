#!/usr/bin/env python
import django
