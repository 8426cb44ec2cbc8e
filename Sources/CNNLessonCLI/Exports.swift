@_exported import LessonRunner
