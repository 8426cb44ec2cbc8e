@_exported import LessonLanguage
