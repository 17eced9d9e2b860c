package deadlock

import "testing"

func TestBlocks(t *testing.T) {
	ch := make(chan int)
	<-ch
}
