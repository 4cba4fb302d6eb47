// The CRD API server of the oldest Kubernetes release the IisFarm CRD must install on (go.mod pins it):
// k8s.io/apiextensions-apiserver's own standalone server, run beside the current kube-apiserver, which
// authenticates and authorizes its requests. It judges CRDs and custom resources with that release's code
// (strict decoding, schema and CEL validation, the CEL cost estimate).
package main

import (
	"os"

	"k8s.io/apiextensions-apiserver/pkg/cmd/server"
	genericapiserver "k8s.io/apiserver/pkg/server"
	"k8s.io/component-base/cli"
)

func main() {
	stopCh := genericapiserver.SetupSignalHandler()
	cmd := server.NewServerCommand(os.Stdout, os.Stderr, stopCh)
	os.Exit(cli.Run(cmd))
}
