// run
// gojit-timeout: 120

// Packages compiled from Go's own tree with nothing of gojit's beneath them but
// the runtime: regexp, math/big, log, encoding/hex, base64 and binary, hash/crc32,
// text/tabwriter, math/cmplx and path.

package main

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"log"
	"math/big"
	"math/cmplx"
	"os"
	"path"
	"regexp"
	"text/tabwriter"
)

func main() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	fmt.Println(re.FindAllStringSubmatch("bob@example.com, alice@test.com", -1))
	fmt.Println(re.ReplaceAllString("x@y.com", "$2 at $1"), re.MatchString("nobody"))

	f := new(big.Int).MulRange(1, 30)
	fmt.Println(f, f.BitLen())
	r := new(big.Rat).SetFrac64(1, 3)
	fmt.Println(r.FloatString(10), new(big.Int).Exp(big.NewInt(2), big.NewInt(100), nil))

	fmt.Println(hex.EncodeToString([]byte("hi")), base64.StdEncoding.EncodeToString([]byte("hello")))
	buf := binary.BigEndian.AppendUint32(nil, 0xdeadbeef)
	fmt.Println(buf, binary.LittleEndian.Uint16([]byte{1, 2}))
	fmt.Println(crc32.ChecksumIEEE([]byte("hello")))
	fmt.Println(cmplx.Abs(3+4i), cmplx.Sqrt(-1))
	fmt.Println(path.Join("a/b", "../c", "d.go"), path.Ext("x.tar.gz"))

	w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', 0)
	fmt.Fprintln(w, "a\tbbb\tc")
	fmt.Fprintln(w, "aaaa\tb\tc")
	w.Flush()

	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.SetPrefix("log: ")
	log.Printf("logged %d", 42)
}
