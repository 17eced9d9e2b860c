// bench: crypto/sha256 over 100 MB, hashed in 1 MB writes, then 100,000 hashes of
// 64-byte messages (Go's sha256, its pure-Go block function under gojit).
// quick: 4

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
)

const defaultN = 100 // size: megabytes hashed (os.Args[1] overrides)

func main() {
	n := defaultN
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	chunk := make([]byte, 1<<20)
	for i := range chunk {
		chunk[i] = byte(i*7 + i>>8)
	}
	h := sha256.New()
	for i := 0; i < n; i++ {
		chunk[0] = byte(i)
		h.Write(chunk)
	}
	fmt.Println(hex.EncodeToString(h.Sum(nil)))
	sum := sha256.Sum256(nil)
	msg := make([]byte, 64)
	for i := 0; i < n*1000; i++ {
		copy(msg, sum[:])
		msg[40] = byte(i)
		sum = sha256.Sum256(msg)
	}
	fmt.Println(hex.EncodeToString(sum[:]))
}
