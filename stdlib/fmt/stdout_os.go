// In a program that links package os, Print, Println and Printf write to
// os.Stdout, whatever it has been set to (testing's examples set it to a pipe to
// read their output), as Go's fmt does.

//gojit:load-with-package os

package fmt

import (
	"io"
	"os"
)

func init() {
	stdout = func() io.Writer { return os.Stdout }
}
