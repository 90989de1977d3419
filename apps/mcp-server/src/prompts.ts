/**
 * Prompts as plain data: a guided workflow an assistant can start from. Arguments are strings (the MCP
 * prompt argument type); the text names the tools to call in order.
 */
export interface PromptDefinition {
  name: string;
  title: string;
  description: string;
  arguments: { name: string; description: string; required: boolean }[];
  render(args: Record<string, string | undefined>): string;
}

export const PROMPTS: PromptDefinition[] = [
  {
    name: 'create_zerogpu_space',
    title: 'Create a ZeroGPU Space',
    description: 'Walks through creating, checking and deploying a Gradio Space on ZeroGPU with spacelint.',
    arguments: [
      { name: 'space', description: 'The Space id to create, owner/name (asked for when missing).', required: false },
      { name: 'idea', description: 'What the Space should do, in a sentence.', required: false },
    ],
    render: ({ space, idea }) =>
      [
        `Help me create a Hugging Face Space that runs on ZeroGPU${idea ? `: ${idea}` : ''}.`,
        '',
        'Follow these steps and ask me before each step that changes something:',
        '1. Ask me what is missing: a title, what the app takes as input (for example "PDF up to 50 pages"), which secrets it needs (names only; never ask me for a secret value in chat), and whether data must persist across restarts.',
        `2. Call whoami to learn the namespaces the server's token can create Spaces in${space ? '' : ' (the owner of owner/name)'}.`,
        '3. Call scaffold_space with sdk "gradio", zerogpu true, my answers and `path` (a new folder): it writes files that lint clean. Show me the notes.',
        '4. If you can edit files, add the model code where app.py says so (load models at module level, keep `import spaces` first, keep `@spaces.GPU(duration=...)` on the function Gradio calls), then fix_space on the folder (it fixes what is safe and says how to fix the rest).',
        `5. Call create_space${space ? ` with space "${space}"` : ''} (sdk gradio), deploy_space with the folder (dry_run true first shows what is uploaded), then set_space_hardware zero-a10g.`,
        '6. If the app needs secrets, tell me to add them in the Space settings, or ask me whether to call set_space_secret (I type the value; you never repeat it).',
        '7. Call wait_for_space until the build ends. If it fails, call diagnose_space and fix the causes it names.',
      ].join('\n'),
  },
  {
    name: 'troubleshoot_space',
    title: 'Troubleshoot a Space',
    description: 'Finds out why a Hub Space fails to build or run and proposes fixes tied to spacelint rules.',
    arguments: [
      { name: 'space', description: 'The Space id, owner/name.', required: true },
      { name: 'path', description: 'A local copy of the Space, if there is one.', required: false },
    ],
    render: ({ space, path }) =>
      [
        `My Hugging Face Space ${space ?? '(ask me for its owner/name)'} is not working. Find out why and help me fix it.`,
        '',
        `1. Call diagnose_space with space "${space ?? 'owner/name'}". It reads the runtime, the build and run logs and lints the files.`,
        '2. For each likely cause, explain it in plain words with the evidence (the log line or the finding). Call explain_rule for the rules it cites.',
        '3. If the causes are unclear, read the log tail diagnose_space returns, or space_logs with kind "build" or "run"; read_space_files shows the deployed files.',
        path
          ? `4. Apply the fixes in the local copy at ${path}: fix_space (dry run first, show me the diff; apply_suggestions for the rules whose suggestions fit), then edit what needs a person, then lint_space until it is clean.`
          : '4. Propose the changes to the files. If I have a local copy, lint it with lint_space and apply safe fixes with fix_space (dry run first).',
        '5. Ask me before redeploying (deploy_space, then wait_for_space), changing hardware or secrets, or restarting (restart_space; factory true only for a stuck build or an infrastructure error).',
      ].join('\n'),
  },
];
