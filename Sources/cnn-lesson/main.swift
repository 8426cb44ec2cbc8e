import CNNLessonCLI
import Foundation

let interrupts = InterruptHandler()
let tool = CommandLineTool(
  arguments: Array(CommandLine.arguments.dropFirst()),
  context: .current(interruption: interrupts.interruption))
exit(tool.run().rawValue)
