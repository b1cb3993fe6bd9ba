/**
 * Builds data/skills/vocabulary.json from the reference data in shared/data/skills:
 * the hand alias seed first (it wins every collision), then hand-curated extras, methods and soft
 * skills, then O*NET 29.2 technology names (most-listed first), cleaned of vendor noise and of
 * generic product categories. Deterministic: same inputs, same bytes.
 *
 *   npx tsx scripts/build-skills-vocabulary.ts [path/to/shared/data/skills]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

// ---- Hand curation. Each list says why it exists. ----

/** Seed entries whose aliases are really separate skills (a gap in "Jest" is not a gap in "Unit Testing"). */
const SEED_PATCHES: Record<string, { dropAliases?: string[]; addAliases?: string[]; category?: string }> = {
  'Unit Testing': { dropAliases: ['Jest', 'JUnit', 'pytest', 'Mocha', 'Vitest'], addAliases: ['unit tests'] },
  Git: { dropAliases: ['GitHub', 'GitLab', 'Bitbucket'] },
  Linux: { dropAliases: ['Unix', 'Ubuntu', 'RHEL', 'Red Hat Enterprise Linux'] },
  Docker: { dropAliases: ['containers'], addAliases: ['Docker Compose'] },
  CSS: { dropAliases: ['SCSS', 'Sass', 'Less'] },
  MySQL: { dropAliases: ['MariaDB'] },
  Agile: { dropAliases: ['Scrum', 'Kanban'], addAliases: ['agile methodology', 'agile development'] },
  Bash: { dropAliases: ['sh'] },
  Python: { dropAliases: ['py'] },
  Swift: { dropAliases: ['SwiftUI'] },
  Leadership: { dropAliases: ['mentoring'] },
  SQL: { dropAliases: ['T-SQL', 'Transact-SQL', 'PL/SQL'] },
  R: { addAliases: ['R programming', 'R language'] },
  Go: { addAliases: ['Go language', 'Go programming'] },
  Rust: { addAliases: ['Rust programming', 'Rust language', 'Rust programming language'] },
};

/** Hand-added skills by category: tools O*NET rarely lists, methods and soft skills. `name|alias|alias`. */
const EXTRA_SKILLS: Record<string, string[]> = {
  language: [
    'Kotlin',
    'Dart',
    'Elixir',
    'Erlang',
    'Clojure',
    'F#',
    'Lua',
    'Julia',
    'Objective-C|Objective C|ObjC',
    'Solidity',
    'Zig',
    'OCaml',
    'Groovy',
    'Assembly language|assembly|x86 assembly',
    'WebAssembly|Wasm',
    'T-SQL|Transact-SQL|TSQL',
    'PL/SQL',
    'Sass|SCSS',
    'Less CSS',
    'YAML',
    'JSON',
    'Markdown',
    'COBOL',
    'Fortran',
  ],
  framework: [
    'Svelte|SvelteKit',
    'Redux|Redux Toolkit',
    'Nuxt|Nuxt.js',
    'Remix',
    'Astro',
    'Gatsby',
    'Ember.js|Ember',
    'NestJS|Nest.js',
    'Laravel',
    'Symfony',
    'Flutter',
    'Xamarin',
    'Ionic',
    'Electron',
    'Tailwind CSS|Tailwind|TailwindCSS',
    'Bootstrap',
    'Material UI|MUI',
    'Hibernate',
    'Entity Framework|EF Core',
    'Quarkus',
    'Micronaut',
    'Gin',
    'Phoenix',
    'Blazor',
    'Qt',
    'SwiftUI',
    'Jetpack Compose',
    'Storybook',
    'Three.js',
    'D3.js|D3',
    'Koa',
    'Fastify',
    'Hapi',
    'Sinatra',
    'Pyramid',
    'Tornado',
    'Celery',
    'gRPC',
    'tRPC',
    'Apollo GraphQL|Apollo',
    'Vite',
    'Webpack',
    'Babel',
    'esbuild',
    'Rollup',
    'Prisma',
    'Sequelize',
    'TypeORM',
    'SQLAlchemy',
    'Kysely',
    'Pydantic',
    'LangChain',
    'Hugging Face Transformers|Hugging Face|HuggingFace',
    'Keras',
    'XGBoost',
    'LightGBM',
    'Matplotlib',
    'seaborn',
    'SciPy',
    'OpenCV',
    'spaCy',
    'NLTK',
    'Polars',
    'Dask',
    'Ray',
    'JAX',
  ],
  testing: [
    'Jest',
    'JUnit',
    'pytest',
    'Mocha',
    'Vitest',
    'Cypress',
    'Playwright',
    'Selenium|Selenium WebDriver',
    'Cucumber',
    'TestNG',
    'RSpec',
    'Postman',
    'k6',
    'JMeter|Apache JMeter',
    'Testing Library|React Testing Library',
    'Appium',
    'Mockito',
    'xUnit',
    'NUnit',
  ],
  platform: [
    'Snowflake',
    'Databricks',
    'Apache Airflow|Airflow',
    'dbt|data build tool',
    'Looker',
    'Prometheus',
    'Grafana',
    'Helm',
    'Nginx|NGINX',
    'Argo CD|ArgoCD',
    'Istio',
    'Consul',
    'Vault|HashiCorp Vault',
    'Vagrant|HashiCorp Vagrant',
    'Packer',
    'Pulumi',
    'CloudFormation|AWS CloudFormation',
    'AWS Lambda|Lambda',
    'Serverless',
    'Vercel',
    'Netlify',
    'Heroku',
    'Cloudflare',
    'Firebase',
    'Supabase',
    'DigitalOcean',
    'OpenStack',
    'Datadog',
    'New Relic',
    'Sentry',
    'PagerDuty',
    'Dynatrace',
    'ELK Stack|Logstash|Kibana',
    'RabbitMQ',
    'Apache Flink|Flink',
    'Amazon SQS|SQS',
    'Amazon Kinesis|Kinesis',
    'BigQuery|Google BigQuery',
    'Amazon Aurora',
    'SQLite',
    'MariaDB',
    'Cassandra',
    'CockroachDB',
    'Neo4j',
    'DynamoDB',
    'Memcached',
    'ClickHouse',
    'Pinecone',
    'Fivetran',
    'Segment',
    'Okta',
    'Auth0',
    'Stripe',
    'Twilio',
    'Shopify',
    'Contentful',
    'CircleCI',
    'Travis CI',
    'GitLab CI|GitLab CI/CD',
    'Azure DevOps',
    'TeamCity',
    'Bitbucket',
    'GitLab',
    'Gradle',
    'npm',
    'Yarn',
    'pnpm',
    'CMake',
    'Bazel',
    'Linux kernel',
    'systemd',
    'Podman',
    'containerd',
    'OpenTelemetry',
    'Kubeflow',
    'MLflow',
    'SageMaker|Amazon SageMaker',
    'Vertex AI',
    'OpenAI API',
    'Tableau Prep',
    'Mixpanel',
    'Amplitude',
    'Google Tag Manager',
    'Hotjar',
  ],
  tool: [
    'Visual Studio Code|VS Code|VSCode',
    'IntelliJ IDEA|IntelliJ|JetBrains IntelliJ IDEA',
    'PyCharm',
    'Vim|Neovim',
    'Emacs',
    'Xcode',
    'Android Studio',
    'Trello',
    'Asana',
    'Notion',
    'Miro',
    'Linear',
    'Confluence',
    'Zendesk',
    'Intercom',
    'Sketch',
    'Adobe XD',
    'InVision',
    'Framer',
    'Zeplin',
    'Webflow',
    'Postman API',
    'Swagger|OpenAPI',
    'Wireshark',
    'Burp Suite',
    'Metasploit',
    'Nmap',
    'Kali Linux',
    'Splunk',
    'Unity|Unity3D',
    'Unreal Engine',
    'Blender',
    'Google Sheets',
    'Google Analytics|GA4',
    'Looker Studio|Google Data Studio',
    'Excel VBA',
    'Power Query',
    'Power Automate',
    'Alteryx',
    'Qlik Sense',
    'SPSS',
    'Stata',
    'Jupyter|Jupyter Notebook',
  ],
  practice: [
    'Scrum',
    'Kanban',
    'Lean',
    'Six Sigma|Lean Six Sigma',
    'DevOps',
    'Site Reliability Engineering|SRE',
    'Behavior-Driven Development|BDD',
    'Domain-Driven Design|DDD',
    'Pair Programming',
    'Code Review|code reviews',
    'Object-Oriented Programming|OOP|object oriented programming',
    'Functional Programming',
    'Design Patterns',
    'System Design',
    'Distributed Systems',
    'Event-Driven Architecture|event driven architecture',
    'Infrastructure as Code|IaC',
    'Observability',
    'Monitoring',
    'Incident Management|incident response',
    'Performance Optimization|performance tuning',
    'Data Structures',
    'Algorithms',
    'Data Modeling|data modelling',
    'ETL|ELT|data pipelines',
    'Data Warehousing|data warehouse',
    'Data Analysis|data analytics',
    'Data Visualization|data visualisation',
    'Statistics|statistical analysis',
    'A/B Testing|AB testing|experimentation',
    'Computer Vision',
    'MLOps',
    'Prompt Engineering',
    'Responsive Design|responsive web design',
    'Accessibility|WCAG|a11y',
    'Web Performance',
    'Progressive Web Apps|PWA',
    'Single Page Applications|SPA',
    'Mobile Development',
    'iOS Development|iOS',
    'Android Development|Android',
    'API Design',
    'WebSockets|WebSocket',
    'OAuth|OAuth2|OAuth 2.0',
    'Security|information security|cybersecurity|cyber security',
    'Penetration Testing|pen testing',
    'Threat Modeling',
    'Cryptography',
    'Networking|TCP/IP',
    'Cloud Computing|cloud',
    'Containerization|containers',
    'Serverless Architecture',
    'Caching',
    'Concurrency|multithreading',
    'Embedded Systems|embedded',
    'Test Automation|automated testing',
    'Integration Testing',
    'End-to-End Testing|E2E testing|e2e tests|end-to-end tests',
    'Manual Testing',
    'Quality Assurance|QA',
    'Technical Writing|documentation',
    'UX Design|user experience',
    'UI Design|user interface design',
    'User Research',
    'Wireframing',
    'Prototyping',
    'Design Systems|design system',
    'Product Management',
    'Product Strategy',
    'Roadmapping|product roadmap',
    'Requirements Gathering|requirements analysis',
    'Business Analysis',
    'Financial Modeling|financial modelling',
    'Budgeting',
    'Forecasting',
    'SEO|search engine optimization',
    'Content Marketing',
    'Digital Marketing',
    'Email Marketing',
    'Social Media Marketing',
    'Copywriting',
    'Customer Success',
    'Account Management',
    'Sales|B2B sales',
    'Talent Acquisition|technical recruiting|full-cycle recruiting',
    'Change Management',
    'Risk Management',
    'Vendor Management',
    'Process Improvement|continuous improvement',
    'OKRs',
    'Interviewing Candidates|candidate interviews|hiring decisions',
    'Mentoring|mentorship|coaching|mentor junior|mentor others|mentor engineers',
    'People Management|line management',
  ],
  soft: [
    'Attention to Detail|detail-oriented|detail oriented',
    'Time Management',
    'Organization|organisational skills|organizational skills',
    'Adaptability|flexibility|adaptable',
    'Critical Thinking',
    'Creativity|creative thinking',
    'Empathy',
    'Ownership|sense of ownership',
    'Initiative|self-starter|proactive',
    'Curiosity|curious',
    'Presentation Skills|public speaking|presenting',
    'Negotiation',
    'Conflict Resolution',
    'Decision Making|decision-making',
    'Prioritization|prioritisation|prioritizing',
    'Customer Service|customer focus',
    'Written Communication|writing skills',
    'Interpersonal Skills|people skills',
    'Cross-functional Collaboration|cross functional collaboration|cross-functional teams',
    'Emotional Intelligence',
    'Resilience',
    'Work Ethic',
    'Multitasking|multi-tasking',
    'Self-motivation|self-motivated|self motivated',
    'Influencing|influence stakeholders',
    'Remote Collaboration|remote collaboration skills',
    'Facilitation|workshop facilitation',
    'Storytelling',
    'Growth Mindset',
    'Reliability|dependable',
    'Accountability',
    'Active Listening|listening skills',
  ],
};

/** Programming languages among O*NET names (O*NET files them under several product kinds). */
const LANGUAGES = new Set([
  'Python',
  'R',
  'C',
  'C++',
  'C#',
  'Perl',
  'Ruby',
  'Go',
  'Swift',
  'Scala',
  'PHP',
  'JavaScript',
  'TypeScript',
  'Kotlin',
  'FORTRAN',
  'COBOL',
  'Ada',
  'Verilog',
  'VHDL',
  'Objective C',
  'Apache Groovy',
  'ABAP',
  'Visual Basic',
  'Visual Basic for Applications',
  'VBScript',
  'Lisp',
  'Haskell',
  'Erlang',
  'Prolog',
  'Pascal',
  'Smalltalk',
  'Eiffel',
  'SystemVerilog',
  'AWK',
  'Julia',
  'Lua',
  'Bash',
  'PowerShell',
  'Shell script',
  'UNIX Shell',
  'KornShell',
  'SQL',
  'PL/SQL',
  'Transact-SQL',
  'ActionScript',
  'JCL',
  'Rust',
  'Visual Basic.NET',
  'Visual C# .NET',
  'HTML',
  'CSS',
  'XML',
  'XHTML',
  'DHTML',
  'LaTeX',
]);

/** O*NET names mapped by hand to a seed skill or a cleaner name (null drops the row). */
const OVERRIDES: Record<string, string | null> = {
  'Oracle Java': 'Java',
  'Sun Microsystems Java': 'Java',
  'Structured query language SQL': 'SQL',
  'Structure query language SQL': 'SQL',
  'Google Angular': 'Angular',
  'Jenkins CI': 'Jenkins',
  'Ansible software': 'Ansible',
  'Atlassian JIRA': 'Jira',
  'Microsoft Azure software': 'Microsoft Azure',
  'Amazon Web Services AWS software': 'Amazon Web Services',
  'IBM Terraform': 'Terraform',
  'Rust programming language': 'Rust',
  'Hypertext markup language HTML': 'HTML',
  'Cascading style sheets CSS': 'CSS',
  'Microsoft .NET Framework': '.NET',
  'Microsoft ASP.NET': '.NET',
  'RESTful API': 'REST APIs',
  'Shell script': 'Bash',
  'Microsoft Power BI': 'Power BI',
  'Syntactically awesome style sheets SASS': 'Sass',
  'Scikit-learn': 'scikit-learn',
  'Hibernate ORM': 'Hibernate',
  'Jupyter Notebook': 'Jupyter',
  'Jupyter software': 'Jupyter',
  'StataCorp Stata': 'Stata',
  'IBM SPSS Statistics': 'SPSS',
  'The MathWorks MATLAB': 'MATLAB',
  'MathWorks Simulink': 'Simulink',
  'Splunk Enterprise': 'Splunk',
  'Atlassian Confluence': 'Confluence',
  'Apache Airflow': 'Apache Airflow',
  'Grafana Labs Grafana Cloud': 'Grafana',
  'Google Looker Analytics': 'Looker',
  'Unity Technologies Unity': 'Unity',
  'Unreal Technology Unreal Engine': 'Unreal Engine',
  'JetBrains IntelliJ IDEA': 'IntelliJ IDEA',
  'React Redux': 'Redux',
  'Objective C': 'Objective-C',
  'Microsoft Windows PowerShell': 'Microsoft PowerShell',
  'Microsoft transact-structural query language T-SQL': 'T-SQL',
  'Transact-SQL': 'T-SQL',
  'Oracle PL/SQL': 'PL/SQL',
  'Formula translation/translator FORTRAN': 'Fortran',
  'Common business oriented language COBOL': 'COBOL',
  'Alteryx software': 'Alteryx',
  'Trimble SketchUp Pro': 'SketchUp',
  'Wolfram Research Mathematica': 'Mathematica',
  'Maplesoft Maple': 'Maple',
  'Mathsoft Mathcad': 'Mathcad',
  'National Instruments LabVIEW': 'LabVIEW',
  'Qlik Tech QlikView': 'QlikView',
  'Intuit QuickBooks': 'QuickBooks',
  'Dassault Systemes SolidWorks': 'SolidWorks',
  'Dassault Systemes CATIA': 'CATIA',
  'ESRI ArcGIS software': 'ArcGIS',
  'Epic Systems': 'Epic (EHR)',
  'Microsoft Dynamics': 'Microsoft Dynamics 365',
  'Google Workspace software': 'Google Workspace',
  'Adobe Creative Cloud software': 'Adobe Creative Cloud',
  'Salesforce software': 'Salesforce',
  'SAP software': 'SAP',
  'HubSpot software': 'HubSpot',
  'Workday software': 'Workday',
  'Microsoft Office software': 'Microsoft Office',
  'Geographic information system GIS systems': 'GIS',
  'Computer aided design and drafting software CADD': 'CADD',
  AJAX: 'AJAX',
  'Eclipse IDE': 'Eclipse IDE',
  'Apple macOS': 'macOS',
  'Apple iOS': 'iOS Development',
  'Exact Software Macola ES': 'Macola',
  'Very high-speed integrated circuit VHSIC hardware description language VHDL': 'VHDL',
};

/** O*NET rows that are not skills a job ad asks for (social sites, one-letter names, consumer apps). */
const DROP = new Set([
  'Facebook',
  'YouTube',
  'LinkedIn',
  'Twitter',
  'Instagram',
  'TikTok',
  'Pinterest',
  'Snapchat',
  'Google',
  'GroupMe',
  'FaceTime',
  'Eko',
  'Blink',
  'Seesaw',
  'Bloomz',
  'Tadpoles',
  'Appletree',
  'Squeegee',
  'J',
  'Canu',
  'HMS',
  'iPro',
  'Litchi',
  'Act!',
  'Forth',
  'Scheme',
  'Social media sites',
  '3M Post-it App',
  'Delphi Technology',
  'Common Curriculum',
  'DOC Cop',
  'Magellan Firmware',
  'Handheld computer device software',
  'Microsoft operating system',
  'National Crime Information Center (NCIC) database',
  'Operational databases',
  'Compris software',
  'WAM software',
  'Gaussian software',
  'Skype',
  'Dropbox',
  'Evernote',
  'Kahoot!',
  'Quizlet',
  'Padlet',
  'Mentimeter',
  'Nearpod',
  'Flipgrid',
  'Screencastify',
  'JamBoard',
  'Edpuzzle',
  'ClassDojo',
  'ParentSquare',
  'Edmodo',
  'WeVideo',
  'Kapwing',
  'Intrado SchoolMessenger',
  'Blogger',
  'Tumblr',
  'Myspace',
  'Google Video',
  'Web browser software',
  'Microsoft Internet Explorer',
  'Mozilla Firefox',
  'Google Meet',
  'Zoom',
  'Cisco Webex',
  'LogMeIn GoToMeeting',
  'Google Drive',
  'Google Docs',
  'Google Slides',
  'Google Classroom',
  'Microsoft OneNote',
  'Loom',
  'Airdata',
]);

/** O*NET rows listed by fewer than three occupations that job ads still ask for. */
const LOW_COUNT_KEEP = new Set([
  'Kotlin',
  'Flask',
  'Gradle',
  'Keras',
  'Julia',
  'RabbitMQ',
  'OpenStack',
  'MariaDB',
  'GitLab',
  'CMake',
  'Rust programming language',
  'Joomla',
  'Grails',
  'Jekyll',
  'Doxygen',
  'Cygwin',
  'Travis',
  'JFrog Artifactory',
  'Dynatrace',
  'Apache Airflow',
  'PyTorch',
  'pandas',
  'NumPy',
  'Scikit-learn',
  'webpack',
  'Postman',
  'Prometheus',
  'Asana',
  'Adobe XD',
  'Lua',
  'Couchbase Server',
  'Apache Flex',
  'Amazon Elastic Container Service ECS',
  'Amazon Web Services AWS SageMaker',
  'Google Compute Engine (GCE)',
  'MuleSoft software',
  'Talend Open Studio',
  'Informatica Data Explorer',
  'Oracle Data Integrator',
  'Salesforce Marketing Cloud',
  'Hootsuite',
  'Zend Framework',
  'MeteorJS',
  'RequireJS',
  'NUnit',
  'TestNG',
  'Apache Hadoop YARN',
  'AWS Elastic MapReduce (EMR)',
  'Microsoft Azure Sentinel',
  'Bugzilla',
  'Axure RP',
  'Bourne Shell',
  'C shell',
  'Apple AppleScript',
  'Modelica',
  'Microsoft Hyper-V Server',
  'Microsoft Extensible Application Markup Language (XAML)',
  'Google Looker Analytics',
  'Grafana Labs Grafana Cloud',
  'JetBrains IntelliJ IDEA',
  'JetBrains PhpStorm',
  'JetBrains Team City',
  'React Redux',
  'Syntactically awesome style sheets SASS',
]);

/** Vendors whose name is noise before the product people say ("StataCorp Stata" → "Stata"). */
const STRIP_VENDORS = [
  'The MathWorks',
  'StataCorp',
  'Wolfram Research',
  'Dassault Systemes',
  'Intuit',
  'Trimble',
  'Qlik Tech',
  'National Instruments',
  'Bentley',
  'PTC',
  'Atlassian',
  'ESRI',
  'Maplesoft',
  'Mathsoft',
  'McNeel',
  'Leica Geosystems',
  'Insightful',
  'iParadigms',
  'SmugMug',
  'NortonLifeLock',
  'Turtle Creek Software',
  'Unity Technologies',
  'Unreal Technology',
  'Grafana Labs',
  'JetBrains',
  'HashiCorp',
];

/** One-word product names that stand alone before " software" ("Salesforce software" is a product). */
const BRANDS = new Set([
  'Salesforce',
  'Blackboard',
  'Yardi',
  'Ansible',
  'Workday',
  'Alteryx',
  'Procore',
  'Informatica',
  'Wonderware',
  'InVision',
  'Perforce',
  'ESRI',
  'MEDITECH',
  'HubSpot',
  'e-MDs',
  'SAP',
  'ERP',
  'MuleSoft',
]);

/** Surfaces that are ordinary words or letters in prose: they count only with the right case and context. */
const AMBIGUOUS = new Set([
  'Go',
  'R',
  'C',
  'Rust',
  'Swift',
  'Spring',
  'Chef',
  'Puppet',
  'Express',
  'Next',
  'Node',
  'Ada',
  'Ruby',
  'Dart',
  'Julia',
  'Elixir',
  'Torch',
  'Elastic',
  'RN',
  'Unity',
  'Lean',
  'Linear',
  'Ray',
  'Gin',
  'Phoenix',
  'Remix',
  'Astro',
  'Segment',
  'Vault',
  'Consul',
  'Helm',
  'Packer',
  'Sentry',
  'Lambda',
  'Koa',
  'Hapi',
  'Pyramid',
  'Tornado',
  'Celery',
  'Ionic',
  'Electron',
  'Framer',
  'Sketch',
  'Miro',
  'Notion',
  'Amplitude',
  'Stripe',
  'Qt',
  'Security',
  'Monitoring',
  'Caching',
  'Lean CSS',
  'Rollup',
  'Yarn',
  'Bazel',
  'Serverless',
  'Maple',
  'Epic',
  'Mocha',
  'Jest',
  'Cucumber',
  'Rails',
  'Sales',
  'cloud',
  'embedded',
  'Android',
  'iOS',
  'QA',
  'Lisp',
  'Pascal',
  'Eiffel',
]);

/** Short acronyms people also write in lower case; every other one (COM, CASE, POS) must be in capitals. */
const LOWERCASE_OK = new Set(
  'SQL AWS PHP HTML CSS JSON XML YAML GCP NLP LLM ETL SDK API SEO TDD BDD DDD OOP SRE UML VBA SCSS SASS NPM JQL KQL HCL'.split(
    ' ',
  ),
);

/** Ordinary English words: a product named so is matched only when written with its capital. */
const COMMON_WORDS = new Set(
  `access word project outlook publisher teams excel office drive docs sheets slides keynote pages numbers
  notes sap pos ace chef puppet slack zoom blink loom seesaw canvas quicken dynamics domino paradox forms sites
  sway bookings planner stream lens photos movie maps earth analytics ads classroom express groups mail calendar
  contacts tasks windows server explorer edge target draw paint painter studio scheduler eclipse maple vision
  focus insight impact epic unity spark hive pig storm beam ant rails ruby swift rust go dart logo basic scheme
  forth shell make jest mocha cucumber jasmine karma segment sentry vault consul helm packer linear notion sketch
  framer trello mode ray celery gin echo fiber phoenix remix hapi pyramid tornado bottle falcon ionic electron
  native realm lambda square lean safe react ember backbone spring play meteor next solid alpine lit stencil
  mercury apex lightning flow journey genesis sage database cloud fusion security monitoring caching testing
  design research writing elastic tiny data suite enterprise business financials learn reports server manager
  health records insight connect practice central commerce marketing cloud planning content
  rest less audition director distiller presenter inventor maya middleware exchange chrome safari cocoa flex captivate etc`.split(
    /\s+/,
  ),
);

/** O*NET product kinds → the categories Rebound groups skills by. */
function categoryForCommodity(title: string): string {
  const t = title.toLowerCase();
  if (/data ?base|query|object oriented data base/.test(t)) return 'database';
  if (/operating system/.test(t)) return 'os';
  if (/web platform development|graphical user interface development/.test(t)) return 'framework';
  if (
    /development environment|object or component oriented|program testing|configuration management|file versioning|compiler/.test(
      t,
    )
  )
    return 'tool';
  if (
    /application server|cloud-based management|clustering|storage networking|enterprise application integration|network monitoring|transaction server|portal server|access software|enterprise system management|communications server/.test(
      t,
    )
  )
    return 'platform';
  if (/analytical or scientific|business intelligence|data mining/.test(t)) return 'analytics';
  if (
    /office suite|spreadsheet|word processing|presentation|electronic mail|calendar|conferencing|instant messaging|desktop communications|cloud-based data access|content workflow/.test(
      t,
    )
  )
    return 'office';
  if (
    /computer aided design|computer aided manufacturing|graphics|video|music|desktop publishing|web page creation|photo/.test(
      t,
    )
  )
    return 'design';
  if (
    /enterprise resource|accounting|financial|human resources|customer relationship|sales and marketing|project management|inventory|materials requirements|time accounting|tax|point of sale|process mapping|compliance/.test(
      t,
    )
  )
    return 'business';
  if (/medical/.test(t)) return 'healthcare';
  if (/industrial control|facilities/.test(t)) return 'industrial';
  if (/geographic|map creation|route navigation|location based/.test(t)) return 'gis';
  if (/training|educational/.test(t)) return 'education';
  if (/security|virus|vpn|encryption|authentication/.test(t)) return 'security';
  return 'tool';
}

interface Draft {
  name: string;
  category: string;
  aliases: string[];
  rules: Record<string, 'case' | 'context'>;
  source: 'seed' | 'hand' | 'onet';
  onetCount?: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = resolve(process.argv[2] ?? join(here, '../../shared/data/skills'));
const outFile = join(here, '../data/skills/vocabulary.json');

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s\-_/]+/g, ' ')
    .trim();

const skills: Draft[] = [];
const byKey = new Map<string, Draft>();

/** Adds a surface form to a skill unless another skill already owns it. */
function addSurface(skill: Draft, surface: string): void {
  const k = key(surface);
  if (!k) return;
  const owner = byKey.get(k);
  if (owner && owner !== skill) return;
  if (!owner) byKey.set(k, skill);
  if (surface !== skill.name && !skill.aliases.includes(surface) && key(skill.name) !== k) {
    skill.aliases.push(surface);
  }
}

function addSkill(d: Omit<Draft, 'rules'> & { rules?: Draft['rules'] }): Draft | undefined {
  const existing = byKey.get(key(d.name));
  if (existing) {
    for (const a of d.aliases) addSurface(existing, a);
    if (d.onetCount && !existing.onetCount) existing.onetCount = d.onetCount;
    return existing;
  }
  const skill: Draft = { ...d, aliases: [], rules: { ...(d.rules ?? {}) } };
  skills.push(skill);
  byKey.set(key(d.name), skill);
  for (const a of d.aliases) addSurface(skill, a);
  return skill;
}

// 1. The hand seed, patched where a finer grain serves gap analysis better.
const seed = JSON.parse(readFileSync(join(sourceDir, 'alias-seed.json'), 'utf8')) as {
  skills: { name: string; aliases: string[]; category: string; match?: Record<string, string> }[];
};
for (const s of seed.skills) {
  const patch = SEED_PATCHES[s.name];
  const drop = new Set(patch?.dropAliases ?? []);
  const rules: Draft['rules'] = {};
  for (const [surface, m] of Object.entries(s.match ?? {})) if (m === 'exact-case') rules[surface] = 'case';
  addSkill({
    name: s.name,
    category: patch?.category ?? s.category,
    aliases: [...s.aliases.filter((a) => !drop.has(a)), ...(patch?.addAliases ?? [])],
    rules,
    source: 'seed',
  });
}

// 2. Hand extras: modern tools O*NET lists rarely, methods and soft skills.
for (const [category, entries] of Object.entries(EXTRA_SKILLS)) {
  for (const entry of entries) {
    const [name, ...aliases] = entry.split('|');
    addSkill({ name: name!, category, aliases, source: 'hand' });
  }
}

// 3. O*NET names, most-listed first so common tools win alias collisions.
const rows = parse(readFileSync(join(sourceDir, 'onet-29.2-technology-skills-summary.csv')), {
  columns: true,
  skip_empty_lines: true,
}) as { example: string; commodity_title: string; occupation_count: string; hot_technology: string }[];
rows.sort(
  (a, b) => Number(b.occupation_count) - Number(a.occupation_count) || a.example.localeCompare(b.example),
);

const ACRONYM = /^[A-Z][A-Za-z0-9+#.\-/]*$/;
const isAcronym = (w: string) => ACRONYM.test(w) && (w.match(/[A-Z]/g)?.length ?? 0) >= 2 && w.length <= 8;
/** True when the acronym's capitals follow the capitals that start (or sit inside) the words before it. */
function spellsInitials(acronym: string, words: string[]): boolean {
  const initials = words.map((w) => w[0]!.toUpperCase() + w.slice(1).replace(/[^A-Z]/g, '')).join('');
  let i = 0;
  for (const ch of acronym.replace(/[^A-Z]/g, '')) {
    i = initials.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}
const isSentenceCase = (words: string[]) => words.slice(1).every((w) => w === w.toLowerCase());

function cleanOnet(raw: string): { name: string; aliases: string[] } | undefined {
  if (DROP.has(raw)) return undefined;
  if (raw in OVERRIDES) {
    const o = OVERRIDES[raw];
    return o ? { name: o, aliases: [] } : undefined;
  }
  let name = raw.replace(/\s+/g, ' ').trim();
  const aliases: string[] = [];
  const hadSuffix = / (software|systems?|sites|tools)$/.test(name);
  name = name.replace(/ (software|sites|tools)$/, '').trim();
  let words = name.split(' ');
  if (hadSuffix && words.length === 1) {
    const w = words[0]!;
    const branded = BRANDS.has(w) || /[A-Z].*[A-Z]/.test(w) || /\d/.test(w);
    if (!branded) return undefined;
  }
  const last = words.at(-1)!;
  if (words.length >= 3 && isAcronym(last) && spellsInitials(last, words.slice(0, -1))) {
    const description = words.slice(0, -1);
    if (isSentenceCase(description)) {
      name = last;
      aliases.push(description.join(' '));
    } else {
      name = description.join(' ');
      aliases.push(last);
    }
    words = name.split(' ');
  } else if (words.length >= 2 && isSentenceCase(words) && !words.some(isAcronym)) {
    return undefined; // "Word processing", "Inventory tracking": a kind of product, not a skill
  }
  for (const vendor of STRIP_VENDORS) {
    if (
      name.startsWith(`${vendor} `) &&
      /^[A-Za-z]/.test(name.slice(vendor.length + 1)) &&
      name.length > vendor.length + 4
    ) {
      aliases.push(name);
      name = name.slice(vendor.length + 1);
      break;
    }
  }
  for (const vendor of [
    'Microsoft',
    'Adobe',
    'Oracle',
    'IBM',
    'Google',
    'Apple',
    'Autodesk',
    'Apache',
    'Amazon',
  ]) {
    if (name.startsWith(`${vendor} `)) {
      const rest = name.slice(vendor.length + 1);
      if (rest.length >= 3 && !COMMON_WORDS.has(rest.toLowerCase())) aliases.push(rest);
      break;
    }
  }
  return { name, aliases };
}

for (const row of rows) {
  const count = Number(row.occupation_count);
  if (count < 3 && row.hot_technology !== 'Y' && !LOW_COUNT_KEEP.has(row.example)) continue;
  const cleaned = cleanOnet(row.example);
  if (!cleaned) continue;
  const category = LANGUAGES.has(cleaned.name) ? 'language' : categoryForCommodity(row.commodity_title);
  addSkill({ name: cleaned.name, category, aliases: cleaned.aliases, source: 'onet', onetCount: count });
}

// 4. Match rules: short acronyms and English words must keep their case; ambiguous ones need context.
for (const s of skills) {
  for (const surface of [s.name, ...s.aliases]) {
    if (s.rules[surface]) continue;
    if (AMBIGUOUS.has(surface)) s.rules[surface] = 'context';
    else if (surface.length <= 2) s.rules[surface] = 'case';
    else if (!surface.includes(' ') && COMMON_WORDS.has(surface.toLowerCase())) s.rules[surface] = 'case';
    else if (/^[A-Z0-9]{2,4}$/.test(surface) && !LOWERCASE_OK.has(surface)) s.rules[surface] = 'case';
  }
  for (const surface of AMBIGUOUS)
    if (surface === s.name || s.aliases.includes(surface)) s.rules[surface] = 'context';
}

const CATEGORY_MERGE: Record<string, string> = {
  runtime: 'framework',
  library: 'framework',
  api: 'practice',
  domain: 'practice',
  data: 'platform',
  devops: 'platform',
};
for (const s of skills) s.category = CATEGORY_MERGE[s.category] ?? s.category;

skills.sort(
  (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.name.localeCompare(b.name),
);
const out = {
  version: 1,
  generatedBy: 'scripts/build-skills-vocabulary.ts',
  sources: [
    'shared/data/skills/alias-seed.json (project seed)',
    'O*NET 29.2 Technology Skills (USDOL/ETA, CC BY 4.0), modified: see NOTICE',
  ],
  skills: skills.map((s) => ({
    name: s.name,
    category: s.category,
    aliases: [...s.aliases].sort(),
    ...(Object.keys(s.rules).length ? { rules: Object.fromEntries(Object.entries(s.rules).sort()) } : {}),
    source: s.source,
    ...(s.onetCount ? { onetCount: s.onetCount } : {}),
  })),
};
writeFileSync(outFile, `${JSON.stringify(out, null, 1)}\n`);
const counts = new Map<string, number>();
for (const s of skills) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
console.log(`wrote ${skills.length} skills to ${outFile}`);
console.log([...counts].map(([c, n]) => `${c} ${n}`).join(', '));
