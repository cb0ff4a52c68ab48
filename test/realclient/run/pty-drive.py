#!/usr/bin/env python3
"""Drives an interactive CLI through a pseudo-terminal, for scenarios that need a real TUI.

Usage: pty-drive.py <script.json> <log file> -- <command> [args...]

The script is a JSON list of steps, run in order, each with its own deadline:
  {"wait_text": "<regex>", "timeout": 30}        until the screen output (ANSI codes removed) matches
  {"wait_file": "<path>", "match": "<regex>", "count": 2, "timeout": 30}
                                                   until the file has at least `count` lines matching
  {"send": "<text>"}                               types the text (use "\r" for Enter)
Steps wait on conditions, never on the clock alone. When the script is done the program gets Ctrl-C twice
and, if it does not exit, is killed. Exit status: 0 when every step was satisfied, 3 naming the step that
timed out (with the end of the screen output), 2 for bad usage. All raw output is written to the log.
"""
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

# TUIs (Ink) draw the gap between words as a cursor move; it reads as a space.
CURSOR_MOVE = re.compile(r"\x1b\[\d*[GC]")
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as handle:
        steps = json.load(handle)
    log = open(sys.argv[2], "ab")
    command = sys.argv[4:]

    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    # A roomy terminal, so a TUI lays out its full status line.
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))

    screen = [""]

    def pump(seconds):
        """Reads whatever the program printed within `seconds`; False once it has exited."""
        ready, _, _ = select.select([fd], [], [], seconds)
        if not ready:
            return True
        try:
            data = os.read(fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        log.write(data)
        log.flush()
        screen[0] = (screen[0] + ANSI.sub("", CURSOR_MOVE.sub(" ", data.decode("utf-8", "replace"))))[-200000:]
        return True

    def matching_lines(path, pattern):
        try:
            with open(path, encoding="utf-8") as handle:
                return sum(1 for line in handle if re.search(pattern, line))
        except FileNotFoundError:
            return 0

    for index, step in enumerate(steps):
        deadline = time.monotonic() + step.get("timeout", 30)
        if "send" in step:
            os.write(fd, step["send"].encode("utf-8"))
            continue
        mark = len(screen[0]) if step.get("fresh") else 0
        while True:
            if "wait_text" in step and re.search(step["wait_text"], screen[0][mark:]):
                break
            if "wait_file" in step and matching_lines(step["wait_file"], step.get("match", ".")) >= step.get("count", 1):
                break
            if time.monotonic() > deadline:
                tail = screen[0][-1500:]
                print(f"pty-drive: step {index} {json.dumps(step)} timed out; end of screen:\n{tail}", file=sys.stderr)
                stop(pid, fd, pump)
                return 3
            if not pump(0.05):
                print(f"pty-drive: the program exited during step {index} {json.dumps(step)}; end of screen:\n{screen[0][-1500:]}", file=sys.stderr)
                return 3
    stop(pid, fd, pump)
    return 0


def stop(pid, fd, pump):
    """Ctrl-C twice (how TUIs quit), then a kill if the program is still there after a few seconds."""
    for _ in range(2):
        try:
            os.write(fd, b"\x03")
        except OSError:
            break
        end = time.monotonic() + 0.5
        while time.monotonic() < end and pump(0.05):
            pass
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return
        pump(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


if __name__ == "__main__":
    sys.exit(main())
