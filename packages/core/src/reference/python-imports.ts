/**
 * Python import names and the PyPI distributions that provide them, for deps-missing-import (as of
 * 2026-08-22). An import name often differs from the distribution that installs it (`import cv2` comes
 * from `opencv-python`, `import PIL` from `pillow`, `import yaml` from `pyyaml`); identity entries
 * (`numpy:numpy`) record that the name is a known third-party module, so a missing requirement for it is
 * certain. Sources: each project's PyPI page and the top-level names its wheels install; cross-checked
 * with pipreqs' import→package mapping (https://github.com/bndr/pipreqs/blob/master/pipreqs/mapping) and
 * the packages Hugging Face Spaces import most. Distribution names are PEP 503 normalised.
 */

/** `import:dist[,dist...]`, separated by spaces; dotted keys name a namespace package's sub-package. */
const IMPORT_TABLE =
  'PIL:pillow cv2:opencv-python,opencv-python-headless,opencv-contrib-python,opencv-contrib-python-headless ' +
  'sklearn:scikit-learn skimage:scikit-image yaml:pyyaml fitz:pymupdf pymupdf:pymupdf bs4:beautifulsoup4 ' +
  'dotenv:python-dotenv dateutil:python-dateutil google.generativeai:google-generativeai ' +
  'google.genai:google-genai google.protobuf:protobuf ' +
  'google.cloud:google-cloud-storage,google-cloud-aiplatform,google-cloud-speech,google-cloud-translate,google-cloud-vision,google-cloud-texttospeech,google-cloud-bigquery,google-cloud-firestore,google-cloud-core ' +
  'google.auth:google-auth google.oauth2:google-auth googleapiclient:google-api-python-client docx:python-docx ' +
  'pptx:python-pptx magic:python-magic,python-magic-bin multipart:python-multipart jwt:pyjwt Crypto:pycryptodome ' +
  'Cryptodome:pycryptodomex OpenSSL:pyopenssl serial:pyserial usb:pyusb git:gitpython github:pygithub ' +
  'telegram:python-telegram-bot discord:discord-py attr:attrs attrs:attrs pkg_resources:setuptools ' +
  'setuptools:setuptools wx:wxpython gi:pygobject cairo:pycairo Levenshtein:levenshtein,python-levenshtein ' +
  'rapidfuzz:rapidfuzz fuzzywuzzy:fuzzywuzzy thefuzz:thefuzz ' +
  'faiss:faiss-cpu,faiss-gpu,faiss-gpu-cu12,faiss-gpu-cu11 llama_cpp:llama-cpp-python ' +
  'llama_index:llama-index,llama-index-core whisper:openai-whisper faster_whisper:faster-whisper ' +
  'whisperx:whisperx TTS:tts,coqui-tts pydub:pydub soundfile:soundfile sounddevice:sounddevice librosa:librosa ' +
  'audiocraft:audiocraft speechbrain:speechbrain pyannote.audio:pyannote-audio nemo:nemo-toolkit ' +
  'torchaudio:torchaudio torchvision:torchvision torchtext:torchtext torch:torch torchmetrics:torchmetrics ' +
  'lightning:lightning pytorch_lightning:pytorch-lightning transformers:transformers diffusers:diffusers ' +
  'accelerate:accelerate peft:peft trl:trl datasets:datasets evaluate:evaluate tokenizers:tokenizers ' +
  'safetensors:safetensors sentencepiece:sentencepiece sentence_transformers:sentence-transformers timm:timm ' +
  'open_clip:open-clip-torch clip:openai-clip,clip einops:einops xformers:xformers bitsandbytes:bitsandbytes ' +
  'optimum:optimum onnx:onnx onnxruntime:onnxruntime,onnxruntime-gpu ' +
  'tensorflow:tensorflow,tensorflow-cpu,tensorflow-gpu tf_keras:tf-keras keras:keras,tensorflow,tensorflow-cpu ' +
  'jax:jax flax:flax optax:optax numpy:numpy scipy:scipy pandas:pandas polars:polars pyarrow:pyarrow ' +
  'matplotlib:matplotlib mpl_toolkits:matplotlib,basemap seaborn:seaborn plotly:plotly bokeh:bokeh altair:altair ' +
  'networkx:networkx sympy:sympy statsmodels:statsmodels xgboost:xgboost lightgbm:lightgbm catboost:catboost ' +
  'numba:numba cupy:cupy,cupy-cuda12x,cupy-cuda11x joblib:joblib tqdm:tqdm requests:requests httpx:httpx ' +
  'aiohttp:aiohttp urllib3:urllib3 websockets:websockets websocket:websocket-client fastapi:fastapi ' +
  'starlette:starlette uvicorn:uvicorn flask:flask flask_cors:flask-cors django:django pydantic:pydantic ' +
  'pydantic_settings:pydantic-settings jinja2:jinja2 markdown:markdown markdown_it:markdown-it-py mistune:mistune ' +
  'lxml:lxml html2text:html2text trafilatura:trafilatura newspaper:newspaper3k,newspaper4k feedparser:feedparser ' +
  'selenium:selenium playwright:playwright pytube:pytube pytubefix:pytubefix yt_dlp:yt-dlp youtube_dl:youtube-dl ' +
  'youtube_transcript_api:youtube-transcript-api openai:openai anthropic:anthropic groq:groq mistralai:mistralai ' +
  'cohere:cohere together:together replicate:replicate tiktoken:tiktoken langchain:langchain ' +
  'langchain_core:langchain-core langchain_community:langchain-community langchain_openai:langchain-openai ' +
  'langchain_huggingface:langchain-huggingface langchain_text_splitters:langchain-text-splitters ' +
  'langchain_google_genai:langchain-google-genai langchain_groq:langchain-groq ' +
  'langchain_anthropic:langchain-anthropic langchain_chroma:langchain-chroma langgraph:langgraph ' +
  'chromadb:chromadb qdrant_client:qdrant-client pinecone:pinecone,pinecone-client weaviate:weaviate-client ' +
  'pymongo:pymongo bson:pymongo redis:redis psycopg2:psycopg2,psycopg2-binary psycopg:psycopg,psycopg-binary ' +
  'sqlalchemy:sqlalchemy mysql:mysql-connector-python,mysql-connector MySQLdb:mysqlclient supabase:supabase ' +
  'firebase_admin:firebase-admin boto3:boto3 botocore:botocore s3fs:s3fs gcsfs:gcsfs ' +
  'azure:azure-storage-blob,azure-identity,azure-ai-formrecognizer,azure-cognitiveservices-speech,azure-core ' +
  'smolagents:smolagents gradio_client:gradio-client huggingface_hub:huggingface-hub spaces:spaces ' +
  'streamlit:streamlit nltk:nltk spacy:spacy gensim:gensim textblob:textblob langdetect:langdetect langid:langid ' +
  'fasttext:fasttext,fasttext-wheel jieba:jieba pypinyin:pypinyin unidecode:unidecode emoji:emoji regex:regex ' +
  'ftfy:ftfy inflect:inflect num2words:num2words phonemizer:phonemizer g2p_en:g2p-en pyttsx3:pyttsx3 gtts:gtts ' +
  'edge_tts:edge-tts speech_recognition:speechrecognition vosk:vosk webrtcvad:webrtcvad noisereduce:noisereduce ' +
  'resampy:resampy audioread:audioread encodec:encodec demucs:demucs moviepy:moviepy imageio:imageio ' +
  'imageio_ffmpeg:imageio-ffmpeg av:av decord:decord ffmpeg:ffmpeg-python,python-ffmpeg mediapipe:mediapipe ' +
  'insightface:insightface face_recognition:face-recognition dlib:dlib ultralytics:ultralytics ' +
  'supervision:supervision albumentations:albumentations kornia:kornia segment_anything:segment-anything ' +
  'rembg:rembg basicsr:basicsr gfpgan:gfpgan realesrgan:realesrgan facexlib:facexlib ' +
  'controlnet_aux:controlnet-aux compel:compel mmcv:mmcv mmdet:mmdet detectron2:detectron2 pytorch3d:pytorch3d ' +
  'trimesh:trimesh open3d:open3d pyrender:pyrender pygltflib:pygltflib plyfile:plyfile nvdiffrast:nvdiffrast ' +
  'flash_attn:flash-attn triton:triton deepspeed:deepspeed vllm:vllm auto_gptq:auto-gptq awq:autoawq gguf:gguf ' +
  'ctransformers:ctransformers ctranslate2:ctranslate2 wandb:wandb mlflow:mlflow tensorboard:tensorboard ' +
  'omegaconf:omegaconf hydra:hydra-core ml_collections:ml-collections fire:fire click:click typer:typer rich:rich ' +
  'loguru:loguru colorama:colorama termcolor:termcolor tabulate:tabulate psutil:psutil pynvml:nvidia-ml-py,pynvml ' +
  'GPUtil:gputil filelock:filelock fsspec:fsspec packaging:packaging toml:toml tomli:tomli ujson:ujson ' +
  'orjson:orjson simplejson:simplejson jsonschema:jsonschema xmltodict:xmltodict openpyxl:openpyxl xlrd:xlrd ' +
  'xlsxwriter:xlsxwriter docx2txt:docx2txt pypdf:pypdf PyPDF2:pypdf2 pdfplumber:pdfplumber ' +
  'pdfminer:pdfminer-six,pdfminer pdf2image:pdf2image reportlab:reportlab fpdf:fpdf,fpdf2 pytesseract:pytesseract ' +
  'easyocr:easyocr paddleocr:paddleocr paddle:paddlepaddle,paddlepaddle-gpu qrcode:qrcode pyzbar:pyzbar ' +
  'wordcloud:wordcloud folium:folium geopandas:geopandas shapely:shapely pyproj:pyproj rasterio:rasterio ' +
  'geopy:geopy pytz:pytz tzdata:tzdata arrow:arrow pendulum:pendulum schedule:schedule apscheduler:apscheduler ' +
  'cachetools:cachetools diskcache:diskcache tenacity:tenacity backoff:backoff nest_asyncio:nest-asyncio ' +
  'aiofiles:aiofiles cryptography:cryptography bcrypt:bcrypt passlib:passlib authlib:authlib ' +
  'itsdangerous:itsdangerous markupsafe:markupsafe pygments:pygments IPython:ipython ipywidgets:ipywidgets ' +
  'tensorflow_hub:tensorflow-hub tensorflow_datasets:tensorflow-datasets tensorflow_text:tensorflow-text ' +
  'jsonlines:jsonlines fairseq:fairseq stanza:stanza sacremoses:sacremoses sacrebleu:sacrebleu ' +
  'rouge_score:rouge-score bert_score:bert-score jiwer:jiwer pesq:pesq pystoi:pystoi pyworld:pyworld ' +
  'parselmouth:praat-parselmouth pretty_midi:pretty-midi mido:mido music21:music21 gdown:gdown wget:wget ' +
  'pexpect:pexpect paramiko:paramiko docker:docker kubernetes:kubernetes gspread:gspread ' +
  'oauth2client:oauth2client tweepy:tweepy praw:praw wikipedia:wikipedia wikipediaapi:wikipedia-api ' +
  'duckduckgo_search:duckduckgo-search ddgs:ddgs serpapi:google-search-results,serpapi tavily:tavily-python ' +
  'exa_py:exa-py arxiv:arxiv scholarly:scholarly yfinance:yfinance ta:ta ccxt:ccxt stripe:stripe twilio:twilio ' +
  'sendgrid:sendgrid slack_sdk:slack-sdk mcp:mcp fastmcp:fastmcp pymilvus:pymilvus lancedb:lancedb ' +
  'rank_bm25:rank-bm25 unstructured:unstructured docling:docling marker:marker-pdf camelot:camelot-py ' +
  'tabula:tabula-py pandasai:pandasai sqlite_utils:sqlite-utils duckdb:duckdb jsonpath_ng:jsonpath-ng ' +
  'pyparsing:pyparsing lark:lark sentry_sdk:sentry-sdk prometheus_client:prometheus-client gunicorn:gunicorn ' +
  'hf_transfer:hf-transfer hf_xet:hf-xet modelscope:modelscope kaggle:kaggle pycocotools:pycocotools ' +
  'imgaug:imgaug torchsde:torchsde torchdiffeq:torchdiffeq k_diffusion:k-diffusion ' +
  'imwatermark:invisible-watermark lpips:lpips cleanfid:clean-fid pyloudnorm:pyloudnorm torchcodec:torchcodec ' +
  'natsort:natsort more_itertools:more-itertools sortedcontainers:sortedcontainers ' +
  'typing_extensions:typing-extensions annotated_types:annotated-types six:six certifi:certifi ' +
  'charset_normalizer:charset-normalizer chardet:chardet idna:idna pycparser:pycparser ' +
  'pyannote.core:pyannote-core ';
/**
 * Namespace packages: several distributions share the top-level name (`google.genai`, `azure.storage`),
 * so only a dotted key of IMPORT_TABLE says which one an import needs; an unlisted sub-package stays silent.
 */
export const NAMESPACE_PACKAGES: ReadonlySet<string> = new Set(['google', 'azure', 'pyannote', 'mpl_toolkits', 'nvidia', 'zope', 'jaraco', 'backports', 'sphinxcontrib']);

/**
 * What popular distributions pull in (their Requires-Dist without extras, recent releases; older releases
 * required a superset or about the same), so that `import numpy` is provided by a `transformers` line.
 * A requirement missing from this table has unknown dependencies: deps-missing-import then lowers its level.
 * `[]` marks distributions known to have no dependencies. Sources: the "Requires" section of each PyPI page.
 */
const DEPENDENCY_TABLE =
  'transformers:filelock,huggingface-hub,numpy,packaging,pyyaml,regex,requests,tokenizers,safetensors,tqdm,typer-slim ' +
  'tokenizers:huggingface-hub ' +
  'huggingface-hub:filelock,fsspec,packaging,pyyaml,requests,tqdm,typing-extensions,hf-xet,httpx,shellingham,typer-slim ' +
  'diffusers:importlib-metadata,filelock,huggingface-hub,numpy,regex,requests,safetensors,pillow,httpx ' +
  'accelerate:numpy,packaging,psutil,pyyaml,torch,huggingface-hub,safetensors ' +
  'peft:numpy,packaging,psutil,pyyaml,torch,transformers,tqdm,accelerate,safetensors,huggingface-hub ' +
  'trl:accelerate,datasets,transformers,rich ' +
  'datasets:filelock,numpy,pyarrow,dill,pandas,requests,httpx,tqdm,xxhash,multiprocess,fsspec,huggingface-hub,packaging,pyyaml,aiohttp ' +
  'evaluate:datasets,numpy,dill,pandas,requests,tqdm,xxhash,multiprocess,fsspec,huggingface-hub,packaging ' +
  'sentence-transformers:transformers,tqdm,torch,scikit-learn,scipy,huggingface-hub,pillow,typing-extensions ' +
  'timm:torch,torchvision,pyyaml,huggingface-hub,safetensors ' +
  'open-clip-torch:torch,torchvision,regex,ftfy,tqdm,huggingface-hub,safetensors,timm ' +
  'torch:filelock,typing-extensions,setuptools,sympy,networkx,jinja2,fsspec,triton ' +
  'sympy:mpmath jinja2:markupsafe torchvision:numpy,torch,pillow torchaudio:torch ' +
  'lightning:torch,tqdm,pyyaml,fsspec,torchmetrics,packaging,typing-extensions,lightning-utilities ' +
  'pytorch-lightning:torch,tqdm,pyyaml,fsspec,torchmetrics,packaging,typing-extensions,lightning-utilities ' +
  'torchmetrics:numpy,packaging,torch,lightning-utilities ' +
  'scikit-learn:numpy,scipy,joblib,threadpoolctl ' +
  'scikit-image:numpy,scipy,networkx,pillow,imageio,tifffile,packaging,lazy-loader ' +
  'scipy:numpy pandas:numpy,python-dateutil,pytz,tzdata python-dateutil:six ' +
  'matplotlib:contourpy,cycler,fonttools,kiwisolver,numpy,packaging,pillow,pyparsing,python-dateutil ' +
  'seaborn:numpy,pandas,matplotlib plotly:narwhals,packaging,tenacity ' +
  'altair:jinja2,jsonschema,narwhals,packaging,typing-extensions,toolz ' +
  'jsonschema:attrs,jsonschema-specifications,referencing,rpds-py ' +
  'opencv-python:numpy opencv-python-headless:numpy opencv-contrib-python:numpy opencv-contrib-python-headless:numpy ' +
  'librosa:audioread,numba,numpy,scipy,scikit-learn,joblib,decorator,soundfile,pooch,soxr,typing-extensions,lazy-loader,msgpack ' +
  'numba:llvmlite,numpy soundfile:cffi,numpy cffi:pycparser ' +
  'openai:anyio,distro,httpx,jiter,pydantic,sniffio,tqdm,typing-extensions ' +
  'anthropic:anyio,distro,httpx,jiter,pydantic,sniffio,typing-extensions,docstring-parser ' +
  'groq:anyio,distro,httpx,pydantic,sniffio,typing-extensions ' +
  'httpx:anyio,certifi,httpcore,idna httpcore:certifi,h11 anyio:idna,sniffio,typing-extensions ' +
  'requests:charset-normalizer,idna,urllib3,certifi ' +
  'pydantic:annotated-types,pydantic-core,typing-extensions,typing-inspection ' +
  'fastapi:starlette,pydantic,typing-extensions starlette:anyio uvicorn:click,h11 ' +
  'typer:click,typing-extensions,shellingham,rich typer-slim:click,typing-extensions rich:markdown-it-py,pygments markdown-it-py:mdurl ' +
  'authlib:cryptography cryptography:cffi safehttpx:httpx ' +
  'mcp:anyio,httpx,httpx-sse,jsonschema,pydantic,pydantic-settings,python-multipart,sse-starlette,starlette,uvicorn ' +
  'pydantic-settings:pydantic,python-dotenv,typing-inspection ' +
  'gradio-client:fsspec,httpx,huggingface-hub,packaging,typing-extensions,websockets ' +
  'spaces:gradio,httpx,packaging,psutil,pydantic,requests,typing-extensions ' +
  'aiohttp:aiohappyeyeballs,aiosignal,attrs,frozenlist,multidict,propcache,yarl ' +
  'paramiko:bcrypt,cryptography,pynacl ' +
  'langchain:langchain-core,langchain-text-splitters,langsmith,pydantic,sqlalchemy,requests,pyyaml,aiohttp,numpy,tenacity ' +
  'langchain-core:langsmith,tenacity,jsonpatch,pyyaml,packaging,typing-extensions,pydantic ' +
  'langchain-community:langchain-core,langchain,sqlalchemy,requests,pyyaml,aiohttp,tenacity,dataclasses-json,pydantic-settings,langsmith,httpx-sse,numpy ' +
  'langchain-openai:langchain-core,openai,tiktoken ' +
  'langchain-huggingface:langchain-core,tokenizers,huggingface-hub,transformers,sentence-transformers ' +
  'langchain-text-splitters:langchain-core tiktoken:regex,requests ' +
  'nltk:click,joblib,regex,tqdm gensim:numpy,scipy,smart-open ' +
  'moviepy:decorator,imageio,imageio-ffmpeg,numpy,proglog,python-dotenv,pillow,tqdm imageio:numpy,pillow ' +
  'ultralytics:numpy,matplotlib,opencv-python,pillow,pyyaml,requests,scipy,torch,torchvision,psutil,polars,pandas,ultralytics-thop,tqdm,py-cpuinfo,seaborn ' +
  'mediapipe:absl-py,attrs,flatbuffers,jax,jaxlib,matplotlib,numpy,opencv-contrib-python,protobuf,sounddevice,sentencepiece ' +
  'easyocr:torch,torchvision,opencv-python-headless,scipy,numpy,pillow,scikit-image,python-bidi,pyyaml,shapely,pyclipper,ninja ' +
  'rembg:numpy,onnxruntime,opencv-python-headless,pillow,pooch,pymatting,scikit-image,scipy,jsonschema,tqdm ' +
  'tensorflow:absl-py,astunparse,flatbuffers,gast,google-pasta,h5py,libclang,ml-dtypes,numpy,opt-einsum,packaging,protobuf,requests,setuptools,six,termcolor,typing-extensions,wrapt,grpcio,tensorboard,keras ' +
  'keras:absl-py,numpy,rich,namex,h5py,optree,ml-dtypes,packaging ' +
  'faster-whisper:ctranslate2,huggingface-hub,tokenizers,onnxruntime,av,tqdm ' +
  'openai-whisper:numba,numpy,torch,tqdm,more-itertools,tiktoken,triton ' +
  'beautifulsoup4:soupsieve,typing-extensions python-docx:lxml,typing-extensions ' +
  'onnxruntime:coloredlogs,flatbuffers,numpy,packaging,protobuf,sympy ' +
  'optimum:transformers,torch,packaging,numpy,huggingface-hub bitsandbytes:torch,numpy,packaging xformers:torch,numpy ' +
  'kornia:kornia-rs,packaging,torch ' +
  'albumentations:numpy,scipy,pyyaml,pydantic,albucore,opencv-python-headless ' +
  'controlnet-aux:torch,importlib-metadata,huggingface-hub,scipy,opencv-python-headless,filelock,numpy,pillow,einops,torchvision,timm,scikit-image ' +
  'smolagents:huggingface-hub,requests,rich,jinja2,pillow,python-dotenv ' +
  'supervision:numpy,scipy,matplotlib,pyyaml,defusedxml,pillow,opencv-python,requests,tqdm ' +
  'trimesh:numpy ' +
  'streamlit:altair,blinker,cachetools,click,numpy,packaging,pandas,pillow,protobuf,pyarrow,requests,tenacity,toml,typing-extensions,gitpython,pydeck,tornado,watchdog ' +
  'llama-cpp-python:typing-extensions,numpy,diskcache,jinja2 ' +
  'chromadb:build,pydantic,pybase64,uvicorn,numpy,posthog,typing-extensions,onnxruntime,opentelemetry-api,opentelemetry-sdk,tokenizers,pypika,tqdm,overrides,importlib-resources,grpcio,bcrypt,typer,kubernetes,tenacity,pyyaml,mmh3,orjson,httpx,rich,jsonschema ' +
  'wandb:click,gitpython,platformdirs,protobuf,psutil,pydantic,pyyaml,requests,sentry-sdk,setproctitle,typing-extensions ' +
  'deepspeed:einops,hjson,msgpack,ninja,numpy,packaging,psutil,py-cpuinfo,pydantic,torch,tqdm,nvidia-ml-py ' +
  'gitpython:gitdb gitdb:smmap ' +
  'yt-dlp:[] pydub:[] numpy:[] pillow:[] einops:[] safetensors:[] sentencepiece:[] pymupdf:[] pypdf:[] six:[] tqdm:[] ' +
  'pyyaml:[] regex:[] filelock:[] fsspec:[] packaging:[] typing-extensions:[] psutil:[] protobuf:[] ftfy:[] ' +
  'python-dotenv:[] soupsieve:[] lxml:[] markdown:[] joblib:[] threadpoolctl:[] networkx:[] tabulate:[] ' +
  'emoji:[] unidecode:[] websockets:[] orjson:[] ffmpy:[] click:[] pygments:[] markupsafe:[] ';

export interface ImportDistributions {
  /** import name (top-level, or dotted for namespace packages) → distributions that install it. */
  imports: ReadonlyMap<string, readonly string[]>;
  /** distribution → distributions it requires; absent = unknown. */
  dependencies: ReadonlyMap<string, readonly string[]>;
}

let tables: ImportDistributions | undefined;

/** The import and dependency tables, parsed on first use (not at start-up). */
export function importDistributions(): ImportDistributions {
  if (tables) return tables;
  const parse = (table: string) => {
    const map = new Map<string, string[]>();
    for (const entry of table.split(' ')) {
      if (!entry) continue;
      const at = entry.indexOf(':');
      const list = entry.slice(at + 1);
      map.set(entry.slice(0, at), list === '[]' ? [] : list.split(','));
    }
    return map;
  };
  tables = { imports: parse(IMPORT_TABLE), dependencies: parse(DEPENDENCY_TABLE) };
  return tables;
}

/**
 * The distributions installed with `roots` (PEP 503 names), following DEPENDENCY_TABLE; `unknown` lists
 * those whose dependencies the table does not know (anything may come with them).
 */
export function dependencyClosure(roots: Iterable<string>): { installed: Set<string>; unknown: string[] } {
  const { dependencies } = importDistributions();
  const installed = new Set<string>();
  const unknown: string[] = [];
  const queue = [...roots];
  while (queue.length) {
    const name = queue.pop()!;
    if (installed.has(name)) continue;
    installed.add(name);
    const deps = dependencies.get(name);
    if (deps) queue.push(...deps);
    else unknown.push(name);
  }
  return { installed, unknown };
}
