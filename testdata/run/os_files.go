// run

// Go's own package os over gojit's natives: files, directories, the
// environment, pipes between goroutines, and errors as gc words them.

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "gojit-os-test-*")
	if err != nil {
		panic(err)
	}

	p := filepath.Join(dir, "a.txt")
	fmt.Println("write:", os.WriteFile(p, []byte("hello\nworld\n"), 0o644))
	data, err := os.ReadFile(p)
	fmt.Printf("read: %q %v\n", data, err)

	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	fmt.Println("open for append:", err)
	n, err := f.WriteString("more\n")
	fmt.Println("append:", n, err, f.Close(), "second close:", f.Close() != nil)

	fi, err := os.Stat(p)
	fmt.Println("stat:", fi.Name(), fi.Size(), fi.IsDir(), fi.Mode().Perm(), err)

	fmt.Println("mkdir:", os.MkdirAll(filepath.Join(dir, "sub", "deeper"), 0o755))
	os.WriteFile(filepath.Join(dir, "sub", "b.txt"), nil, 0o600)
	fmt.Println("rename:", os.Rename(p, filepath.Join(dir, "sub", "c.txt")))
	entries, err := os.ReadDir(filepath.Join(dir, "sub"))
	var names []string
	for _, e := range entries {
		names = append(names, fmt.Sprintf("%s(dir=%v)", e.Name(), e.IsDir()))
	}
	fmt.Println("readdir:", names, err)

	var walked []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, path)
		walked = append(walked, rel)
		return nil
	})
	sort.Strings(walked)
	fmt.Println("walk:", walked)

	_, err = os.Open(filepath.Join(dir, "missing"))
	fmt.Println("missing:", strings.Replace(err.Error(), dir, "DIR", 1))
	fmt.Println("is not exist:", errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	var pe *fs.PathError
	fmt.Println("path error:", errors.As(err, &pe), pe.Op)
	err = os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	fmt.Println("exists:", errors.Is(err, fs.ErrExist))
	err = os.Remove(filepath.Join(dir, "sub"))
	fmt.Println("remove non-empty dir fails:", err != nil)

	os.Setenv("GOJIT_OS_TEST", "v=1")
	v, ok := os.LookupEnv("GOJIT_OS_TEST")
	fmt.Println("env:", v, ok, os.ExpandEnv("[$GOJIT_OS_TEST]"))
	found := false
	for _, kv := range os.Environ() {
		if kv == "GOJIT_OS_TEST=v=1" {
			found = true
		}
	}
	fmt.Println("in Environ:", found)
	os.Unsetenv("GOJIT_OS_TEST")
	_, ok = os.LookupEnv("GOJIT_OS_TEST")
	fmt.Println("after unset:", ok)

	wd, err := os.Getwd()
	fmt.Println("chdir:", os.Chdir(dir), err)
	here, _ := os.Getwd()
	fmt.Println("getwd follows chdir:", filepath.Base(here) == filepath.Base(dir))
	os.Chdir(wd)

	r, w, err := os.Pipe()
	fmt.Println("pipe:", err)
	go func() {
		fmt.Fprint(w, "through a pipe")
		w.Close()
	}()
	got, err := io.ReadAll(r)
	fmt.Printf("pipe read: %q %v\n", got, err)
	r.Close()

	fmt.Println("stdout is a *os.File:", os.Stdout.Name(), os.Stderr.Fd())
	fmt.Fprintln(os.Stderr, "to stderr")
	fmt.Println("remove all:", os.RemoveAll(dir))
	_, err = os.Stat(dir)
	fmt.Println("gone:", errors.Is(err, fs.ErrNotExist))
}
