// run

// Prime numbers by trial division: the first primes, a count, and a twin-prime search.

package main

import "fmt"

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func main() {
	line := ""
	for n := 0; n < 100; n++ {
		if isPrime(n) {
			line += fmt.Sprint(n) + " "
		}
	}
	fmt.Println(line)

	count := 0
	for n := 0; n < 20000; n++ {
		if isPrime(n) {
			count++
		}
	}
	fmt.Println("primes below 20000:", count)

	twins := 0
	last := 0
	for n := 3; n < 1000; n += 2 {
		if isPrime(n) && isPrime(n+2) {
			twins++
			last = n
		}
	}
	fmt.Printf("%d twin pairs below 1000, the last is (%d, %d)\n", twins, last, last+2)
}
