// run

// //go:embed: a string, a []byte, embed.FS trees with and without all:, globs,
// quoted patterns, a grouped declaration, a defined string type, and variables
// whose initialisers read an embedded file (the file is there before any
// initialiser runs).
package main

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

//go:embed embed_data/hello.txt
var hello string

//go:embed embed_data/hello.txt
var helloBytes []byte

//go:embed embed_data/bytes.bin
var binary []byte

//go:embed embed_data
var tree embed.FS

//go:embed all:embed_data/sub
var everything embed.FS

// A glob and a quoted name with a space, over two directives.
//go:embed embed_data/*.txt
//go:embed "embed_data/sub/a file.txt" `embed_data/sub/deep`
var picked embed.FS

var lines = strings.Split(strings.TrimSpace(hello), "\n")

var (
	//go:embed embed_data/empty.txt
	empty string

	//go:embed embed_data/sub/b.txt
	bee []byte
)

type Text string

//go:embed embed_data/sub/deep/c.txt
var typed Text

var zero embed.FS

func walk(name string, fsys fs.FS) {
	fmt.Println("--", name)
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Printf("%-32s dir=%-5v size=%d mode=%v\n", path, d.IsDir(), info.Size(), info.Mode())
		return nil
	})
	fmt.Println("walk error:", err)
}

func main() {
	fmt.Printf("%q\n", hello)
	fmt.Println(len(helloBytes), string(helloBytes[:5]))
	helloBytes[0] = 'J' // a []byte is the program's own copy
	fmt.Println(string(helloBytes[:5]), hello[:5])
	fmt.Println(len(binary), binary[0], binary[127], binary[255])
	fmt.Printf("%q %d %q\n", lines, len(empty), bee)
	fmt.Printf("%q\n", typed)

	walk("tree", tree)
	walk("everything", everything)
	walk("picked", picked)
	walk("zero", zero)

	data, err := tree.ReadFile("embed_data/sub/b.txt")
	fmt.Printf("%q %v\n", data, err)
	_, err = tree.ReadFile("embed_data/sub/.hidden")
	fmt.Println(err)
	data, err = everything.ReadFile("embed_data/sub/.hidden")
	fmt.Printf("%q %v\n", data, err)
	_, err = tree.ReadFile("embed_data")
	fmt.Println(err)
	_, err = tree.Open("/embed_data/hello.txt")
	fmt.Println(err)

	entries, err := tree.ReadDir("embed_data/sub")
	for _, e := range entries {
		fmt.Println(e.Name(), e.IsDir(), e.Type())
	}
	fmt.Println(err)

	f, err := picked.Open("embed_data/hello.txt")
	if err != nil {
		panic(err)
	}
	head := make([]byte, 5)
	n, _ := io.ReadFull(f, head)
	rest, _ := io.ReadAll(f)
	st, _ := f.Stat()
	fmt.Printf("%q %q %s %d %v\n", head[:n], rest, st.Name(), st.Size(), st.ModTime().IsZero())
	if s, ok := f.(io.Seeker); ok {
		off, err := s.Seek(-4, io.SeekEnd)
		fmt.Println(off, err)
	}
	f.Close()

	matches, err := fs.Glob(picked, "embed_data/*")
	fmt.Println(matches, err)
	sub, err := fs.Sub(tree, "embed_data/sub")
	if err != nil {
		panic(err)
	}
	data, err = fs.ReadFile(sub, "deep/c.txt")
	fmt.Printf("%q %v\n", data, err)
}
