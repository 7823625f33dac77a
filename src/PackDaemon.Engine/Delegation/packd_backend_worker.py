"""packd's PEP 517 worker: runs a project's own build backend for packd, and stays warm between builds.

Standard library only. packd writes this file to a private folder and starts it with the chosen interpreter. The
protocol is one JSON object per line: requests on stdin, replies on the original stdout. Everything the backend
prints (to sys.stdout, to fd 1, or from child processes) goes to stderr instead, so it can never corrupt the
channel; packd keeps the tail of stderr for its error messages.

Request: {"id": 1, "hook": "build_wheel" | "build_sdist", "backend": "pkg.mod:obj", "backend_path": [...],
          "project": "/abs/root", "out": "/abs/empty/folder"}
Reply:   {"id": 1, "ok": true, "file": "name-1.0-py3-none-any.whl"}
      or {"id": 1, "ok": false, "kind": "backend-missing" | "hook-missing" | "hook-failed" | "bad-request",
          "message": "...", "missing": "module name or null", "traceback": "..."}

Request: {"id": 2, "hook": "evaluate_attr", "project": "/abs/root", "source_root": "/abs/root/src",
          "module": "pkg", "file": "/abs/root/src/pkg/__init__.py", "attribute": "__version__",
          "convention": "setuptools" | "flit"}
Reply:   {"id": 2, "ok": true, "value": "1.2.3"}
      or {"id": 2, "ok": false, "kind": "evaluation-failed", "message": "...", "traceback": "..."}
One value a native build needs from project code (a computed __version__): the module is imported the way the
backend would import it, and the value converted by that backend's rules.
"""

import importlib
import importlib.util
import json
import os
import sys
import traceback


def _open_channel():
    # The protocol keeps private copies of the pipes (non-inheritable since PEP 446, so a setup.py's child processes
    # never see them); fd 0 becomes /dev/null and fd 1 becomes stderr for the backend and its children.
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    sys.stdin = open(os.devnull, "r", encoding="utf-8")
    sys.stdout = sys.stderr
    return requests, replies


def _send(replies, message):
    replies.write(json.dumps(message) + "\n")
    replies.flush()


def _inside(path, folder):
    try:
        return os.path.commonpath([os.path.realpath(path), os.path.realpath(folder)]) == os.path.realpath(folder)
    except ValueError:
        return False


def _load_backend(spec, backend_path, project):
    module_name, _, object_path = spec.partition(":")
    module_name = module_name.strip()
    if backend_path:
        sys.path[:0] = [os.path.normpath(os.path.join(project, entry)) for entry in backend_path]
    backend = importlib.import_module(module_name)
    for attribute in filter(None, object_path.strip().split(".")):
        backend = getattr(backend, attribute)
    return backend


def _forget_project_modules(before, project):
    # The next build must see the project's edits: drop every module this build imported from the project tree
    # (setup.py helpers, an in-tree backend, hatch_build.py), while the backend itself stays imported and warm.
    for name in [n for n in sys.modules if n not in before]:
        module = sys.modules.get(name)
        location = getattr(module, "__file__", None)
        if location and _inside(location, project):
            del sys.modules[name]


def _reset_process_caches():
    # distutils remembers every folder it created (dir_util._path_created) for the life of the process, but
    # bdist_wheel deletes its staging folder after each build: a warm worker's second build would then skip creating
    # it and fail. A fresh interpreter per build never hits this; a warm one must forget.
    for name in ("distutils.dir_util", "setuptools._distutils.dir_util"):
        created = getattr(sys.modules.get(name), "_path_created", None)
        if created is not None:
            created.clear()


def _build(request):
    project = request["project"]
    out = request["out"]
    hook_name = request["hook"]
    if hook_name not in ("build_wheel", "build_sdist"):
        return {"ok": False, "kind": "bad-request", "message": "unknown hook " + repr(hook_name), "missing": None}
    before_modules = set(sys.modules)
    saved_path = list(sys.path)
    saved_argv = list(sys.argv)
    saved_cwd = os.getcwd()
    os.chdir(project)
    _reset_process_caches()
    try:
        try:
            backend = _load_backend(request["backend"], request.get("backend_path") or [], project)
        except ImportError as error:
            return {
                "ok": False,
                "kind": "backend-missing",
                "message": str(error),
                "missing": getattr(error, "name", None),
                "traceback": traceback.format_exc(),
            }
        hook = getattr(backend, hook_name, None)
        if hook is None:
            return {"ok": False, "kind": "hook-missing", "message": "the backend has no " + hook_name, "missing": None}
        try:
            file_name = hook(out)
        except BaseException as error:  # SystemExit from a setup.py counts as a failed build, not a dead worker
            if isinstance(error, KeyboardInterrupt):
                raise
            # The worker's own frame is noise to the user: the traceback starts in the backend.
            frames = error.__traceback__.tb_next if error.__traceback__ is not None else None
            return {
                "ok": False,
                "kind": "hook-failed",
                "message": "{}: {}".format(type(error).__name__, error),
                "missing": None,
                "traceback": "".join(traceback.format_exception(type(error), error, frames)),
            }
        return {"ok": True, "file": file_name}
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.chdir(saved_cwd)
        sys.path[:] = saved_path
        sys.argv[:] = saved_argv
        _forget_project_modules(before_modules, project)


def _convert(value, convention):
    # setuptools' attr: (config/expand.py, version()): call a callable, join a non-string iterable with dots,
    # format anything else. flit_core insists on a string.
    if convention == "flit":
        if not isinstance(value, str):
            raise TypeError("__version__ must be a string, not {}".format(type(value).__name__))
        return value
    if callable(value):
        value = value()
    if not isinstance(value, str):
        value = ".".join(map(str, value)) if hasattr(value, "__iter__") else "%s" % (value,)
    return value


def _project_traceback(error):
    # importlib's own frames say nothing to the user: keep the frames of the project's code.
    frames = [f for f in traceback.extract_tb(error.__traceback__) if not f.filename.startswith("<frozen ")]
    frames = [f for f in frames if os.path.abspath(f.filename) != os.path.abspath(__file__)]
    text = "".join(traceback.format_list(frames))
    return ("Traceback (most recent call last):\n" + text if text else "") + "".join(
        traceback.format_exception_only(type(error), error))


def _evaluate(request):
    project = request["project"]
    convention = request.get("convention", "setuptools")
    # flit imports the file under a private name; setuptools under the module's own, so relative imports resolve.
    name = request["module"] if convention == "setuptools" else "packd_evaluated_module"
    before_modules = set(sys.modules)
    shadowed = sys.modules.get(name)
    saved_path = list(sys.path)
    saved_cwd = os.getcwd()
    os.chdir(project)
    sys.path.insert(0, request["source_root"])
    try:
        try:
            spec = importlib.util.spec_from_file_location(name, request["file"])
            if spec is None or spec.loader is None:
                raise ImportError("cannot import " + request["file"])
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
            if not hasattr(module, request["attribute"]):
                raise AttributeError("module {!r} has no attribute {!r}".format(request["module"], request["attribute"]))
            value = _convert(getattr(module, request["attribute"]), convention)
        except BaseException as error:  # SystemExit from the module is a failed evaluation, not a dead worker
            if isinstance(error, KeyboardInterrupt):
                raise
            return {
                "ok": False,
                "kind": "evaluation-failed",
                "message": "{}: {}".format(type(error).__name__, error),
                "traceback": _project_traceback(error),
            }
        return {"ok": True, "value": value}
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.chdir(saved_cwd)
        sys.path[:] = saved_path
        if shadowed is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = shadowed
        _forget_project_modules(before_modules, project)


def main():
    requests, replies = _open_channel()
    _send(replies, {"ready": True, "python": sys.version.split()[0], "executable": sys.executable})
    for line in requests:
        if not line.strip():
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id")
            reply = _evaluate(request) if request.get("hook") == "evaluate_attr" else _build(request)
        except Exception as error:  # a worker bug must become a reply, never a silent hang
            reply = {"ok": False, "kind": "bad-request", "message": repr(error), "missing": None, "traceback": traceback.format_exc()}
        reply["id"] = request_id
        print("packd-worker: end of request {}".format(request_id), file=sys.stderr, flush=True)
        _send(replies, reply)


if __name__ == "__main__":
    main()
