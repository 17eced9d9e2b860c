package setup

import (
	"fmt"
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	fmt.Println("TestMain: before")
	Ready = true
	code := m.Run()
	fmt.Println("TestMain: after, code", code)
	os.Exit(code)
}

func TestReady(t *testing.T) {
	if !Ready {
		t.Fatal("TestMain did not run first")
	}
}
