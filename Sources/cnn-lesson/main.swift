import CNNLessonCLI

print("cnn-lesson: under construction")
