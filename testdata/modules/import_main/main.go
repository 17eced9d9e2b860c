// tool is a command (package main): it cannot be imported.
package main

import _ "example.com/import_main/tool"

func main() {}
