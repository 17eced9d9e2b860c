package lib

func Helper() int { return 1 }
