"""Runs command lines on a WinRM endpoint with pywinrm, one shell for all, and prints the results.

Reads a JSON spec on stdin: endpoint, username, password, transport (basic|ntlm), ca (PEM file or
null for plain HTTP), codepage, commands (list of command lines). Prints a JSON list with, per
command, its exit code and its stdout/stderr bytes in base64 (the caller decodes them with the
shell's code page).
"""
import base64
import json
import sys

from winrm.protocol import Protocol


def main():
    spec = json.load(sys.stdin)
    protocol = Protocol(
        endpoint=spec["endpoint"],
        transport=spec.get("transport", "basic"),
        username=spec["username"],
        password=spec["password"],
        ca_trust_path=spec.get("ca"),
        server_cert_validation="validate",
        operation_timeout_sec=spec.get("operationTimeout", 20),
        read_timeout_sec=spec.get("operationTimeout", 20) + 10,
    )
    shell_id = protocol.open_shell(codepage=spec.get("codepage", 437))
    results = []
    for command in spec["commands"]:
        command_id = protocol.run_command(shell_id, command)
        stdout, stderr, exit_code = protocol.get_command_output(shell_id, command_id)
        protocol.cleanup_command(shell_id, command_id)
        results.append({
            "command": command,
            "exitCode": exit_code,
            "stdout": base64.b64encode(stdout).decode("ascii"),
            "stderr": base64.b64encode(stderr).decode("ascii"),
        })
    protocol.close_shell(shell_id)
    json.dump({"shellId": shell_id, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
