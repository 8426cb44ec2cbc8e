# cnn-lesson exercise 8-1: a CNN with more layers
# The exercise: lessons/exercises/8-1/exercise.md. Check your work with: cnn-lesson check THIS_FILE
#
# This is the lecture's Net. Give it more convolution layers than its two, keep its output
# [N, 10] log-probabilities, and make it learn MNIST at least as well.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):

    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        # TODO: add at least one more nn.Conv2d layer
        self.mp = nn.MaxPool2d(2)
        self.fc = nn.Linear(320, 10)  # TODO: how many features reach the fc layer now?

    def forward(self, x):
        in_size = x.size(0)
        x = F.relu(self.mp(self.conv1(x)))
        x = F.relu(self.mp(self.conv2(x)))
        # TODO: use your new layer(s) somewhere in here
        x = x.view(in_size, -1)  # flatten the tensor
        x = self.fc(x)
        return F.log_softmax(x, dim=1)
