// run
// gojit-timeout: 90

// Go's own crypto hashes, compiled from GOROOT: md5, sha1, sha256, sha512, hmac,
// fnv, streaming writes, and crypto/rand filling a buffer.

package main

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash/fnv"
	"io"
	"strings"
)

func main() {
	data := []byte("The quick brown fox jumps over the lazy dog")
	fmt.Printf("md5    %x\n", md5.Sum(data))
	fmt.Printf("sha1   %x\n", sha1.Sum(data))
	fmt.Printf("sha224 %x\n", sha256.Sum224(data))
	fmt.Printf("sha256 %x\n", sha256.Sum256(data))
	fmt.Printf("sha384 %x\n", sha512.Sum384(data))
	fmt.Printf("sha512 %x\n", sha512.Sum512(data))

	h := sha256.New()
	io.Copy(h, strings.NewReader(strings.Repeat("abc", 10000)))
	fmt.Printf("stream %x\n", h.Sum(nil))

	mac := hmac.New(sha256.New, []byte("key"))
	mac.Write(data)
	sum := mac.Sum(nil)
	fmt.Printf("hmac   %x %v\n", sum, hmac.Equal(sum, sum))

	f := fnv.New32a()
	f.Write(data)
	fmt.Println("fnv32a", f.Sum32())

	buf := make([]byte, 32)
	n, err := rand.Read(buf)
	zero := 0
	for _, b := range buf {
		if b == 0 {
			zero++
		}
	}
	fmt.Println("rand", n, err, zero < 8)
}
