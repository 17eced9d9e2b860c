package main

import (
	"bufio"
	"crypto/rand"
	"fmt"
	"os"
	"strings"
	"sync"
)

// Lines from stdin are handed to two workers; each prints what it got and a
// random token. The order and the tokens change from run to run; a recording
// keeps both.
func main() {
	lines := make(chan string)
	var wg sync.WaitGroup
	for w := 1; w <= 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range lines {
				b := make([]byte, 4)
				rand.Read(b)
				fmt.Printf("worker %d: %s %x\n", w, strings.ToUpper(l), b)
			}
		}()
	}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		lines <- sc.Text()
	}
	close(lines)
	wg.Wait()
}
