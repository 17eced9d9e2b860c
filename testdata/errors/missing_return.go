// errorcheck

// A function with results must end in a terminating statement.

package main

func sign(n int) int {
	if n < 0 {
		return -1
	} else if n > 0 {
		return 1
	}
} // ERROR "missing return"

func loop() int {
	for {
	}
}

func sw(n int) int {
	switch n {
	case 0:
		return 0
	}
} // ERROR "missing return"

func main() {
	_ = sign(1) + loop() + sw(0)
}
