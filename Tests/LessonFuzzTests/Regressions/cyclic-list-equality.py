x = [1]
x.append(x)
print(x == x, x)
