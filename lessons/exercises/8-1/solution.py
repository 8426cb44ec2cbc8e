# cnn-lesson exercise 8-1: a CNN with more layers (reference solution)
# Check it with: cnn-lesson check lessons/exercises/8-1/solution.py
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):

    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        # A third convolution: 3x3 with padding 1 keeps the 8x8 maps 8x8.
        self.conv3 = nn.Conv2d(20, 40, kernel_size=3, padding=1)
        self.mp = nn.MaxPool2d(2)
        # 40 channels of 4x4 after the last pooling: 40 x 4 x 4 = 640 features.
        self.fc = nn.Linear(640, 10)

    def forward(self, x):
        in_size = x.size(0)
        x = F.relu(self.mp(self.conv1(x)))      # 1x28x28 -> 10x24x24 -> 10x12x12
        x = F.relu(self.conv2(x))               # -> 20x8x8
        x = F.relu(self.mp(self.conv3(x)))      # -> 40x8x8 -> 40x4x4
        x = x.view(in_size, -1)                 # -> 640
        x = self.fc(x)
        return F.log_softmax(x, dim=1)
