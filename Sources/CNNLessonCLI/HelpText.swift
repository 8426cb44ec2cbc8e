import Foundation

/// The help texts: what each command does, with examples a student can copy.
enum HelpText {
  static let main = """
    cnn-lesson: run, check and verify executable CNN lecture notes.

    USAGE
    \(CommandTable.usageSection)

    EXAMPLES
      cnn-lesson lessons                      what there is to run, from any folder
      cnn-lesson run 08                       Lecture 8, built in (or ./lessons/08.md if present)
      cnn-lesson run lessons/08.md --data ~/mnist
      cnn-lesson exercise 8-1 x.py && cnn-lesson check x.py
      cnn-lesson verify lessons --junit report.xml
      cnn-lesson render lessons -o site

    A lesson is Markdown: ```python blocks run in order and share state; an ```output block after
    one holds the output it must print (numbers compared by their printed precision), an ```error
    block the error it must raise. See docs/lessons.md for the whole format.

    OPTIONS (every command; 'cnn-lesson help COMMAND' shows a command's own)
    \(OptionTable.section(for: nil))

    EXIT STATUS
      0 all checks passed   1 a check failed   64 usage error
      65 error in lesson code or file   66 file not found   73 --bless could not write
      130 interrupted by Ctrl-C (the later cells and lessons are not run)
      (a cell that runs past --timeout, or a lesson past --max-memory, fails with a
      TimeoutError or a MemoryError: exit 1 for a lesson, 65 for a script)
    """

  static let help = """
    USAGE: cnn-lesson help [COMMAND]

    Shows the help of COMMAND (its options, exit status and examples), or without one the general
    help. The commands: \(CommandTable.names.joined(separator: ", ")).

    OPTIONS
    \(OptionTable.section(for: "help"))
    """

  static let run = """
    USAGE: cnn-lesson run [OPTIONS] FILE...
           cnn-lesson run [OPTIONS] SCRIPT.py -- [SCRIPT ARGUMENTS]

    Runs each FILE. A Markdown lesson (.md) runs cell by cell: every cell's output is shown with its
    check result, then a final line "N passed, N failed". Several lessons each end with a line
    "FILE: N passed, N failed (TIME)". When something failed, the end recaps every failed check as
    "FAILED file:line:column: what differs" and every file in error (a malformed lesson: a fence
    typo such as ```ouput, an unclosed fence, an output block with no cell before it) as "ERROR
    ...", before the total ("1 passed, 1 failed, 1 error"). A lesson with no checks runs, with a
    warning. A script (.py) runs like `python FILE.py`: it prints exactly what its print calls
    print, and errors go to stderr; what follows `--` is the script's own command line (its
    sys.argv and argparse's parse_args(); argparse's errors exit with status 2, as in Python).
    Other files (a notebook, .ipynb) are refused: save a notebook's code as a .py script, or write
    the lesson as .md.

    FILE may also name a built-in lesson or script, from any folder: 08 (or 8, 08.md,
    08_cnn_mnist.py); lessons/08.md in this folder, when there is one, wins ('cnn-lesson lessons'
    lists them). A lesson runs in its own folder: its relative paths (root='./data/',
    plt.savefig('x.png')) are in the lesson file's folder, for a built-in one in
    ~/.cache/cnn-lesson/lessons.

    OPTIONS
    \(OptionTable.section(for: "run"))

    EXIT STATUS
      0 every check passed (or skipped)   1 a check failed   2 a script's arguments were wrong
      64 not a lesson or script
      65 error in lesson code, or a malformed lesson   66 file not found   130 Ctrl-C

    EXAMPLES
      cnn-lesson run lessons/08.md
      cnn-lesson run 08 --data none        a quick run: the training cells skipped
      cnn-lesson run my_net.py
      cnn-lesson run main.py -- --epochs 1 --dry-run
    """

  static let bench = """
    USAGE: cnn-lesson bench [OPTIONS] [CASE...]

    Measures the tensor core on the lecture's workloads and prints median times, samples/s or
    GFLOP/s, the share of the machine's peak, and the peak memory. Use a release build
    (swift build -c release) and an otherwise idle machine; compare with PyTorch's scripts in the
    same session (see README, Performance).

    CASES (default: all)
      net-step       forward + backward + SGD step of the lecture's Net, batch 64
      net-infer1     batch-1 inference latency, no grad
      conv-lecture   the Net's two convolutions, forward and backward
      conv-large     conv2d [32,64,56,56] x [64,64,3,3], padding 1 (GFLOP/s)
      mnist-epoch    one epoch on MNIST (batch 64, SGD momentum 0.5; --data DIR), else synthetic

    OPTIONS
    \(OptionTable.section(for: "bench"))
    """

  static let render = """
    USAGE: cnn-lesson render [OPTIONS] [FILE.md | DIR]... [-o DIR]

    Runs each lesson (every *.md of a DIR; default: lessons/) and writes it as a web page, as a
    notebook would look after "Run all": the prose, each code cell highlighted with what it printed
    and drew and its check's verdict (passed; failed with the located explanation; skipped with
    why), and a summary at the top. Several lessons also get index.html, and each page links to the
    lessons before and after it.

    A page needs nothing else: no network, no script, its style inline, figures as inline SVG. It
    follows the reader's light or dark setting and reads on a phone. Everything a lesson holds or
    prints is escaped, so nothing in it can become markup. Pages are written whole (atomically);
    lessons whose checks fail are still written, and the exit status says so.

    OPTIONS
    \(OptionTable.section(for: "render"))

    EXIT STATUS
      0 every check passed (or skipped)   1 a check failed   65 a lesson file is malformed
      66 file not found   73 a page could not be written   130 interrupted by Ctrl-C

    EXAMPLES
      cnn-lesson render lessons/08.md -o site
      cnn-lesson render lessons -o site && xdg-open site/index.html
    """

  static let verify = """
    USAGE: cnn-lesson verify [OPTIONS] [DIR|LESSON]

    Runs every lesson (*.md) in DIR and its sub-folders (default: lessons/ in this folder, else
    the lessons and exercises built into cnn-lesson), or one LESSON, showing only failures and a
    line per lesson "FILE: N passed, N failed (TIME)", then a recap of every failed check
    ("FAILED file:line:column: ...") and file in error ("ERROR ..."), and the total
    "N passed, N failed, N errors". Made for CI. Sub-folders are walked in name order, 8 levels
    deep at most; hidden folders, datasets/ and data/ and linked folders are not entered. A lesson
    with no checks, or a malformed one, is an error. Each exercise folder (a folder with an
    exercise.md, wherever it is) is proven both ways, as two checks: the reference solution
    passes its checks, the untouched starter fails, checked as 'cnn-lesson check' checks a
    learner's copy (through its '# cnn-lesson exercise ID' line, which it must have).

    A check that cannot run here (its dataset is missing) is reported as skipped and does not fail
    the run, unless --strict is given: then it counts as failed, in the summary, in the JUnit
    report (<failure type="unavailable">) and in the exit status. CI, which has the data, uses
    --strict, so a lesson silently skipped fails the build.

    OPTIONS
    \(OptionTable.section(for: "verify"))

    EXIT STATUS
      0 every check passed (skipped checks allowed without --strict)   1 a check failed
      64 not a lesson   65 a lesson file is malformed or checks nothing   66 DIR not found
      73 the --junit file could not be written (a device, a folder, a read-only file: it is left
      as it was)   130 Ctrl-C
    """
}
