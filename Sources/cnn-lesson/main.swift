import CNNLessonCLI
import Foundation

let tool = CommandLineTool(arguments: Array(CommandLine.arguments.dropFirst()))
exit(tool.run().rawValue)
