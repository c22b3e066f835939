# The caching code lives in home/caching/; this old name stays for code written against it.
from home.caching import *  # noqa: F403
from home.caching import __all__  # noqa: F401
