// etcd, built from the server module at the version k8s.io/kubernetes itself requires (go.mod).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
