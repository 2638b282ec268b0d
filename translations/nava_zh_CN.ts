<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>nava::ui::FakeEngineClient</name>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="26"/>
        <source>%1 is not a model package folder</source>
        <translation>%1 不是模型包文件夹</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="31"/>
        <source>Preview engine</source>
        <translation>预览引擎</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="32"/>
        <source>Simulated generation: no clip is rendered yet</source>
        <translation>模拟生成：尚未真正渲染片段</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="86"/>
        <source>sampling</source>
        <translation>采样中</translation>
    </message>
</context>
<context>
    <name>nava::ui::GenerationPanel</name>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="41"/>
        <source>Chosen from the free memory of the device</source>
        <translation>根据设备的可用显存自动选择</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="42"/>
        <source>Everything stays on the GPU: fastest, most memory</source>
        <translation>全部常驻 GPU：最快，占用显存最多</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="44"/>
        <source>The text encoder leaves the GPU after encoding</source>
        <translation>文本编码完成后将文本编码器移出 GPU</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="46"/>
        <source>8-bit weights, text encoder offload, tiled VAE decoding</source>
        <translation>8 位权重、文本编码器卸载、VAE 分块解码</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="48"/>
        <source>Transformer blocks paged between CPU and GPU: least memory, slowest</source>
        <translation>Transformer 块在 CPU 与 GPU 之间换页：显存最少，速度最慢</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="57"/>
        <source>&lt;b&gt;Generation&lt;/b&gt;</source>
        <translation>&lt;b&gt;生成&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="64"/>
        <source>Picture and sound</source>
        <translation>画面与声音</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="65"/>
        <source>From a first frame</source>
        <translation>从首帧开始</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="66"/>
        <source>Sound only</source>
        <translation>仅声音</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="67"/>
        <source>Text to picture and sound, continue a first frame, or sound alone</source>
        <translation>文本生成画面与声音、延续首帧，或只生成声音</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="68"/>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="70"/>
        <source>Change mode</source>
        <translation>更改模式</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="80"/>
        <source>No image chosen</source>
        <translation>未选择图片</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="82"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="83"/>
        <source>The picture the clip starts from</source>
        <translation>片段开始时的画面</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="86"/>
        <source>First frame:</source>
        <translation>首帧：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="90"/>
        <source>First frame</source>
        <translation>首帧</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="90"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="92"/>
        <source>Choose first frame</source>
        <translation>选择首帧</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="100"/>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="102"/>
        <source>Width × height in pixels (multiples of 32)</source>
        <translation>宽 × 高（像素，32 的倍数）</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="105"/>
        <source>&amp;Size:</source>
        <translation>尺寸(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="109"/>
        <source>Change size</source>
        <translation>更改尺寸</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="126"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="128"/>
        <source>Snapped to whole latent frames: 6 per second, plus one</source>
        <translation>对齐到整数潜在帧：每秒 6 帧，外加 1 帧</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="132"/>
        <source>&amp;Duration:</source>
        <translation>时长(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="135"/>
        <source>Change duration</source>
        <translation>更改时长</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="145"/>
        <source>The same seed and settings give the same clip</source>
        <translation>相同的种子和设置会得到相同的片段</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="147"/>
        <source>Fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="148"/>
        <source>Increment</source>
        <translation>递增</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="149"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="151"/>
        <source>Fixed: every job uses this seed. Increment: +1 after each job. Random: a new seed per job</source>
        <translation>固定：每个任务都用这个种子。递增：每个任务后加 1。随机：每个任务使用新种子</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="154"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="155"/>
        <source>Pick a random seed now</source>
        <translation>立即随机选取一个种子</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="159"/>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="161"/>
        <source>Change seed</source>
        <translation>更改种子</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="164"/>
        <source>Change seed mode</source>
        <translation>更改种子模式</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="170"/>
        <source>New random seed</source>
        <translation>新的随机种子</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="177"/>
        <source>Sampling steps: more is slower and usually cleaner (50 is the reference)</source>
        <translation>采样步数：越多越慢，通常也越干净（参考值为 50）</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="180"/>
        <source>UniPC</source>
        <translation>UniPC</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="181"/>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="182"/>
        <source>The ODE solver of the sampler</source>
        <translation>采样器使用的 ODE 求解器</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="185"/>
        <source>S&amp;teps:</source>
        <translation>步数(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="187"/>
        <source>Change steps</source>
        <translation>更改步数</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="190"/>
        <source>Change solver</source>
        <translation>更改求解器</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="198"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="201"/>
        <source>How the model is spread over GPU and CPU memory</source>
        <translation>模型在 GPU 与 CPU 内存之间的分布方式</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="202"/>
        <source>M&amp;emory:</source>
        <translation>内存(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="204"/>
        <source>Change memory profile</source>
        <translation>更改内存方案</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="211"/>
        <source>Model packages found in the folders set in Settings</source>
        <translation>在设置中指定的文件夹里找到的模型包</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="213"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="214"/>
        <source>Load the chosen model now instead of at the first job</source>
        <translation>立即加载所选模型，而不是等到第一个任务</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="217"/>
        <source>Mode&amp;l:</source>
        <translation>模型(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="219"/>
        <source>Change model</source>
        <translation>更改模型</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="228"/>
        <source>Advanced guidance</source>
        <translation>高级引导</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="251"/>
        <source>Flow-matching time shift (5 in the reference)</source>
        <translation>Flow Matching 时间偏移（参考值为 5）</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="252"/>
        <source>How strongly the picture follows the prompt</source>
        <translation>画面遵循提示词的强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="253"/>
        <source>How strongly the picture follows the sound</source>
        <translation>画面跟随声音的强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="254"/>
        <source>How strongly the sound follows the prompt</source>
        <translation>声音遵循提示词的强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="255"/>
        <source>How strongly the sound follows the picture</source>
        <translation>声音跟随画面的强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="256"/>
        <source>How strongly speech follows the reference voices</source>
        <translation>语音贴合参考声音的强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="257"/>
        <source>Audio–video alignment pass</source>
        <translation>音画对齐推理</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="258"/>
        <source>An extra pass per step without audio–video attention</source>
        <translation>每步额外进行一次不含音画注意力的推理</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="259"/>
        <source>Voice pass</source>
        <translation>音色推理</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="260"/>
        <source>An extra pass per step without the reference voices</source>
        <translation>每步额外进行一次不含参考声音的推理</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="261"/>
        <source>Shift:</source>
        <translation>偏移：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="262"/>
        <source>Video ← text:</source>
        <translation>视频 ← 文本：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="263"/>
        <source>Video ← audio:</source>
        <translation>视频 ← 音频：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="264"/>
        <source>Audio ← text:</source>
        <translation>音频 ← 文本：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="265"/>
        <source>Audio ← video:</source>
        <translation>音频 ← 视频：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="266"/>
        <source>Voice:</source>
        <translation>音色：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="270"/>
        <source>Change shift</source>
        <translation>更改偏移</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="273"/>
        <source>Change guidance</source>
        <translation>更改引导强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="304"/>
        <source>Embedded NAVA-tiny</source>
        <translation>内置 NAVA-tiny</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="355"/>
        <source>Custom %1 × %2</source>
        <translation>自定义 %1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="362"/>
        <source>%1 latent frames · %2 video frames</source>
        <translation>%1 个潜在帧 · %2 个视频帧</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="383"/>
        <source>%1 (not found)</source>
        <translation>%1（未找到）</translation>
    </message>
</context>
<context>
    <name>nava::ui::JobQueue</name>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="54"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="56"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="58"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="60"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="62"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="85"/>
        <source>Waiting (interrupted, will run again)</source>
        <translation>等待中（曾被中断，将重新运行）</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="107"/>
        <source>audio only</source>
        <translation>仅音频</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="109"/>
        <source>%1 · %2 s · seed %3 · %4 steps</source>
        <translation>%1 · %2 秒 · 种子 %3 · %4 步</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="175"/>
        <source>cancelling</source>
        <translation>正在取消</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="223"/>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <location filename="../ui/queue/job_queue.cpp" line="364"/>
        <source>the queue file is damaged: %1</source>
        <translation>队列文件已损坏：%1</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="83"/>
        <source>no preview</source>
        <translation>无预览</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="134"/>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
</context>
<context>
    <name>nava::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="304"/>
        <source>NAVA Studio</source>
        <translation>NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="160"/>
        <source>Create</source>
        <translation>创作</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="78"/>
        <source>Model not loaded: %1</source>
        <translation>模型未加载：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="82"/>
        <source>Finished: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="85"/>
        <source>A job failed: %1</source>
        <translation>有任务失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="88"/>
        <source>Cannot save the queue: %1</source>
        <translation>无法保存队列：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="96"/>
        <location filename="../ui/main_window.cpp" line="138"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="98"/>
        <location filename="../ui/main_window.cpp" line="139"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>Cannot generate</source>
        <translation>无法生成</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="115"/>
        <source>The saved queue could not be read: %1</source>
        <translation>无法读取已保存的队列：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="140"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="142"/>
        <source>Add the current project to the queue (%1)</source>
        <translation>将当前项目加入队列（%1）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="144"/>
        <source>Rewrite…</source>
        <translation>改写…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="161"/>
        <location filename="../ui/main_window.cpp" line="329"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="162"/>
        <source>Every clip you make is kept here.</source>
        <translation>你生成的每个片段都保存在这里。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="162"/>
        <source>Gallery</source>
        <translation>作品库</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="163"/>
        <source>Fine-tune the model on your own footage.</source>
        <translation>使用你自己的素材微调模型。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="164"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="179"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="185"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="186"/>
        <source>&amp;New project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="190"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="192"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="194"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="195"/>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="198"/>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="204"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="211"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="218"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="231"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="234"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="234"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="234"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="247"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="248"/>
        <source>&amp;About NAVA Studio</source>
        <translation>关于 NAVA Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="249"/>
        <source>About NAVA Studio</source>
        <translation>关于 NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>NAVA Studio makes short clips whose picture and sound are generated together.</source>
        <translation>NAVA Studio 生成画面与声音同步生成的短片。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="312"/>
        <source>Let a language model expand the prompt into one cinematic paragraph; spoken parts stay as written</source>
        <translation>让语言模型把提示词扩写成一段电影感的描述；说话内容保持原样</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="314"/>
        <source>Set a rewrite endpoint in Settings to enable Rewrite</source>
        <translation>请在设置中配置改写接口以启用改写</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="321"/>
        <source>Model ready: %1</source>
        <translation>模型已就绪：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="329"/>
        <source>Queue (%1)</source>
        <translation>队列（%1）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="332"/>
        <source>Queue paused</source>
        <translation>队列已暂停</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="335"/>
        <source>Generating %1/%2</source>
        <translation>正在生成 %1/%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="337"/>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="32"/>
        <source>NAVA projects (*.nava)</source>
        <translation>NAVA 项目 (*.nava)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="59"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="86"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="88"/>
        <source>unfinished jobs back in the queue: %1</source>
        <translation>未完成的任务已重新加入队列：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="98"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="107"/>
        <location filename="../ui/main_window_actions.cpp" line="120"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="114"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="116"/>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="127"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="128"/>
        <source>Save the changes to %1?</source>
        <translation>是否保存对 %1 的更改？</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="137"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="146"/>
        <source>Recover changes</source>
        <translation>恢复更改</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="147"/>
        <source>%1 has unsaved changes from %2 (the studio did not close normally). Restore them?</source>
        <translation>%1 有来自 %2 的未保存更改（工作室未正常关闭）。是否恢复？</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="158"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="158"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="162"/>
        <source>Voice clips</source>
        <translation>声音片段</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="172"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="180"/>
        <source>Recover unsaved project</source>
        <translation>恢复未保存的项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="181"/>
        <source>An unsaved project from %1 was left behind when the studio did not close normally. Restore it?</source>
        <translation>工作室未正常关闭，留下了一个来自 %1 的未保存项目。是否恢复？</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="191"/>
        <source>Unsaved project restored</source>
        <translation>已恢复未保存的项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="195"/>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="242"/>
        <source>Next seed</source>
        <translation>下一个种子</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="245"/>
        <source>Queued: %1</source>
        <translation>已加入队列：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="246"/>
        <source>Queued with warnings: %1</source>
        <translation>已加入队列（有警告）：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="256"/>
        <source>Rewriting the prompt…</source>
        <translation>正在改写提示词…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="264"/>
        <source>Rewrite failed</source>
        <translation>改写失败</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="271"/>
        <source>Rewrite</source>
        <translation>改写</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="272"/>
        <source>The prompt changed while it was being rewritten; the rewrite was not applied.</source>
        <translation>改写期间提示词已被修改，改写结果未应用。</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="277"/>
        <source>Rewrite prompt</source>
        <translation>改写提示词</translation>
    </message>
</context>
<context>
    <name>nava::ui::ProjectCommands</name>
    <message>
        <location filename="../ui/project/project_commands.cpp" line="51"/>
        <source>Edit negative prompt</source>
        <translation>编辑反向提示词</translation>
    </message>
    <message>
        <location filename="../ui/project/project_commands.cpp" line="94"/>
        <source>Add speaker %1</source>
        <translation>添加说话人 %1</translation>
    </message>
    <message>
        <location filename="../ui/project/project_commands.cpp" line="114"/>
        <source>Remove speaker %1</source>
        <translation>移除说话人 %1</translation>
    </message>
</context>
<context>
    <name>nava::ui::ProjectDocument</name>
    <message>
        <location filename="../ui/project/project_document.cpp" line="67"/>
        <source>Edit prompt</source>
        <translation>编辑提示词</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="82"/>
        <source>Mark speech</source>
        <translation>标记为语音</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="82"/>
        <source>Mark speech of %1</source>
        <translation>标记为 %1 的语音</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="90"/>
        <source>Unmark speech</source>
        <translation>取消语音标记</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="99"/>
        <source>Assign speaker</source>
        <translation>指定说话人</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="110"/>
        <source>Move speech</source>
        <translation>移动语音</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="132"/>
        <source>Rename speaker</source>
        <translation>重命名说话人</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="147"/>
        <source>no such speaker</source>
        <translation>没有这个说话人</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="153"/>
        <source>Attach voice to %1</source>
        <translation>为 %1 添加声音</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="175"/>
        <location filename="../ui/project/project_document.cpp" line="212"/>
        <source>Import subtitles</source>
        <translation>导入字幕</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="255"/>
        <source>Speaker %1</source>
        <translation>说话人 %1</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="267"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="333"/>
        <source>The voice of %1 is missing: %2</source>
        <translation>%1 的声音文件丢失：%2</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="339"/>
        <source>The voice of %1 changed since it was attached: %2</source>
        <translation>%1 的声音文件在添加后被修改过：%2</translation>
    </message>
    <message>
        <location filename="../ui/project/project_document.cpp" line="353"/>
        <location filename="../ui/project/project_document.cpp" line="373"/>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
</context>
<context>
    <name>nava::ui::ProjectFileText</name>
    <message>
        <location filename="../ui/project/project_file.cpp" line="66"/>
        <source>not a NAVA project (JSON error at byte %1: %2)</source>
        <translation>不是 NAVA 项目（JSON 错误，位于第 %1 字节：%2）</translation>
    </message>
    <message>
        <location filename="../ui/project/project_file.cpp" line="74"/>
        <source>not a NAVA project (no &quot;nava_project&quot; key)</source>
        <translation>不是 NAVA 项目（缺少 &quot;nava_project&quot; 键）</translation>
    </message>
    <message>
        <location filename="../ui/project/project_file.cpp" line="79"/>
        <source>made by a newer NAVA Studio (project version %1)</source>
        <translation>由更新版本的 NAVA Studio 创建（项目版本 %1）</translation>
    </message>
    <message>
        <location filename="../ui/project/project_file.cpp" line="97"/>
        <source>a speaker without an id</source>
        <translation>有说话人缺少 ID</translation>
    </message>
    <message>
        <location filename="../ui/project/project_file.cpp" line="148"/>
        <location filename="../ui/project/project_file.cpp" line="165"/>
        <source>cannot create folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location filename="../ui/project/project_file.cpp" line="153"/>
        <location filename="../ui/project/project_file.cpp" line="174"/>
        <source>cannot copy %1 to %2</source>
        <translation>无法将 %1 复制到 %2</translation>
    </message>
</context>
<context>
    <name>nava::ui::PromptEditor</name>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="60"/>
        <source>Speaker:</source>
        <translation>说话人：</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="64"/>
        <source>Who speaks the words you mark</source>
        <translation>谁来说你标记的这些话</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="66"/>
        <source>Mark speech</source>
        <translation>标记为语音</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="70"/>
        <source>Mark the selected words as spoken by the chosen speaker (%1)</source>
        <translation>将选中的文字标记为所选说话人的语音（%1）</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="72"/>
        <source>Unmark</source>
        <translation>取消标记</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="75"/>
        <source>Turn the selected speech back into scene description (%1)</source>
        <translation>将选中的语音改回场景描述（%1）</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="95"/>
        <source>Describe the scene: who is there, what happens, how it sounds. Select words and press Mark speech to make someone say them.</source>
        <translation>描述场景：有谁、发生了什么、听起来如何。选中文字并点击“标记为语音”，让某人说出这些话。</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="97"/>
        <source>Scene prompt</source>
        <translation>场景提示词</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="101"/>
        <source>Scene prompt with speech markers</source>
        <translation>带语音标记的场景提示词</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="102"/>
        <source>The prompt as the model reads it: speech between &lt;S&gt; and &lt;E&gt;.</source>
        <translation>模型读取的提示词：语音写在 &lt;S&gt; 和 &lt;E&gt; 之间。</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="103"/>
        <source>Marked</source>
        <translation>标记视图</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="104"/>
        <source>Raw &lt;S&gt;…&lt;E&gt;</source>
        <translation>原文 &lt;S&gt;…&lt;E&gt;</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="105"/>
        <source>Spoken words highlighted in their speaker&apos;s colour</source>
        <translation>说话内容以说话人的颜色高亮显示</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="106"/>
        <source>Edit the markers directly; marks follow</source>
        <translation>直接编辑标记；高亮会同步更新</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="134"/>
        <source>&amp;Negative prompt (what to avoid):</source>
        <translation>反向提示词（需要避免的内容）(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="139"/>
        <source>Empty: the model&apos;s default negative prompt</source>
        <translation>留空：使用模型默认的反向提示词</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="287"/>
        <source>~%1 / %2 tokens (estimate)</source>
        <translation>约 %1 / %2 个词元（估算）</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="288"/>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 个词元</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="290"/>
        <source>Characters: %1</source>
        <translation>字符数：%1</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="294"/>
        <source>too long: text past %1 tokens is cut off</source>
        <translation>过长：超过 %1 个词元的文本会被截断</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="347"/>
        <source>Edit prompt</source>
        <translation>编辑提示词</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="399"/>
        <source>Speech without a speaker: choose one and press Mark speech</source>
        <translation>这段语音没有说话人：请选择一位并点击“标记为语音”</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="401"/>
        <source>Spoken by %1</source>
        <translation>由 %1 说出</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="409"/>
        <source>Mark speech of</source>
        <translation>标记为以下说话人的语音</translation>
    </message>
</context>
<context>
    <name>nava::ui::PromptRewriter</name>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="35"/>
        <source>The rewrite broke the &lt;S&gt;…&lt;E&gt; markers.</source>
        <translation>改写破坏了 &lt;S&gt;…&lt;E&gt; 标记。</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="37"/>
        <source>The rewrite has %1 spoken parts instead of %2.</source>
        <translation>改写结果有 %1 段语音，而不是 %2 段。</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="42"/>
        <source>The rewrite changed spoken part %1: “%2” became “%3”.</source>
        <translation>改写修改了第 %1 段语音：“%2”变成了“%3”。</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="107"/>
        <source>No rewrite endpoint is configured.</source>
        <translation>尚未配置改写接口。</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="148"/>
        <source>The rewrite server answered HTTP %1. %2</source>
        <translation>改写服务器返回 HTTP %1。%2</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="152"/>
        <source>Could not reach the rewrite server: %1</source>
        <translation>无法连接改写服务器：%1</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/prompt_rewriter.cpp" line="168"/>
        <source>The rewrite server sent no text back.</source>
        <translation>改写服务器没有返回文本。</translation>
    </message>
</context>
<context>
    <name>nava::ui::QueuePanel</name>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="45"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="46"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="157"/>
        <location filename="../ui/queue/queue_panel.cpp" line="201"/>
        <source>Pause queue</source>
        <translation>暂停队列</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="158"/>
        <source>Start no new jobs; the running one finishes</source>
        <translation>不再启动新任务；正在运行的任务会完成</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="160"/>
        <source>Run next</source>
        <translation>下一个运行</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="161"/>
        <source>Run the selected job as soon as the current one ends</source>
        <translation>当前任务结束后立即运行所选任务</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="162"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="162"/>
        <source>Move the selected job earlier</source>
        <translation>将所选任务提前</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="163"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="163"/>
        <source>Move the selected job later</source>
        <translation>将所选任务延后</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="164"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="165"/>
        <source>Cancel the selected job, also while it runs</source>
        <translation>取消所选任务（运行中也可以）</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="166"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="166"/>
        <source>Remove the selected job</source>
        <translation>移除所选任务</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="167"/>
        <source>Clear finished</source>
        <translation>清除已结束</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="168"/>
        <source>Remove finished, failed and cancelled jobs</source>
        <translation>移除已完成、失败和已取消的任务</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="174"/>
        <source>Generation jobs</source>
        <translation>生成任务</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="201"/>
        <source>Resume queue</source>
        <translation>继续队列</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="269"/>
        <source>No jobs yet: press Generate on the Create tab.</source>
        <translation>还没有任务：请在“创作”页点击“生成”。</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="270"/>
        <source>Select a job to see it here.</source>
        <translation>选择一个任务即可在此查看。</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="278"/>
        <source>The preview appears once sampling starts.</source>
        <translation>采样开始后会显示预览。</translation>
    </message>
    <message>
        <location filename="../ui/queue/queue_panel.cpp" line="284"/>
        <source>Output: %1</source>
        <translation>输出：%1</translation>
    </message>
</context>
<context>
    <name>nava::ui::RequestText</name>
    <message>
        <location filename="../ui/project/request_builder.cpp" line="28"/>
        <source>The prompt is empty.</source>
        <translation>提示词为空。</translation>
    </message>
    <message>
        <location filename="../ui/project/request_builder.cpp" line="40"/>
        <source>The voice of %1 is missing: %2</source>
        <translation>%1 的声音文件丢失：%2</translation>
    </message>
    <message>
        <location filename="../ui/project/request_builder.cpp" line="51"/>
        <source>First-frame mode needs an image.</source>
        <translation>首帧模式需要一张图片。</translation>
    </message>
</context>
<context>
    <name>nava::ui::RewriteDialog</name>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="15"/>
        <source>Rewritten prompt</source>
        <translation>改写后的提示词</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="21"/>
        <source>Removed words are struck through in red, new words are green. Every spoken part is unchanged.</source>
        <translation>删除的文字以红色删除线显示，新增的文字为绿色。所有语音内容均未改变。</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="25"/>
        <source>Rewrite refused.</source>
        <translation>已拒绝此改写。</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="34"/>
        <source>Use rewrite</source>
        <translation>使用改写</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="36"/>
        <source>Keep my prompt</source>
        <translation>保留我的提示词</translation>
    </message>
</context>
<context>
    <name>nava::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="22"/>
        <location filename="../ui/settings/settings_dialog.cpp" line="88"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="31"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="35"/>
        <source>Models and output</source>
        <translation>模型与输出</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="41"/>
        <source>Folders holding model packages (searched one level deep)</source>
        <translation>存放模型包的文件夹（向下搜索一层）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="44"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="46"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="52"/>
        <source>Model folders:</source>
        <translation>模型文件夹：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="54"/>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="63"/>
        <source>Used by new projects</source>
        <translation>用于新项目</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="64"/>
        <source>Default memory profile:</source>
        <translation>默认内存方案：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="69"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="72"/>
        <source>Output folder:</source>
        <translation>输出文件夹：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="74"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="80"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="86"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="89"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="90"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="92"/>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="96"/>
        <source>Prompt rewriting (OpenAI-compatible chat endpoint)</source>
        <translation>提示词改写（兼容 OpenAI 的对话接口）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="105"/>
        <source>Sent only to this endpoint; never stored in projects or clips</source>
        <translation>只发送给此接口；不会保存在项目或片段中</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="106"/>
        <source>URL:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="107"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="108"/>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
</context>
<context>
    <name>nava::ui::SpanModel</name>
    <message>
        <location filename="../ui/project/span_model.cpp" line="43"/>
        <source>(no speaker)</source>
        <translation>（无说话人）</translation>
    </message>
    <message>
        <location filename="../ui/project/span_model.cpp" line="75"/>
        <source>Words</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../ui/project/span_model.cpp" line="77"/>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../ui/project/span_model.cpp" line="79"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/project/span_model.cpp" line="81"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
</context>
<context>
    <name>nava::ui::SpeakerModel</name>
    <message>
        <location filename="../ui/project/speaker_model.cpp" line="41"/>
        <source>%1 — no reference voice yet</source>
        <translation>%1 — 尚无参考声音</translation>
    </message>
    <message>
        <location filename="../ui/project/speaker_model.cpp" line="42"/>
        <source>%1 — voice: %2</source>
        <translation>%1 — 声音：%2</translation>
    </message>
</context>
<context>
    <name>nava::ui::SpeakersPanel</name>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="58"/>
        <source>&lt;b&gt;Speakers&lt;/b&gt;</source>
        <translation>&lt;b&gt;说话人&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="64"/>
        <source>Speakers</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="65"/>
        <source>Double-click a name to rename; drop a WAV file on a speaker to attach it as their voice</source>
        <translation>双击名字可重命名；把 WAV 文件拖到说话人上即可作为其声音</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="74"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="74"/>
        <source>Add a speaker</source>
        <translation>添加说话人</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="75"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="75"/>
        <source>Remove the selected speaker</source>
        <translation>移除所选说话人</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="76"/>
        <source>Voice…</source>
        <translation>声音…</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="77"/>
        <source>Attach a reference voice (3–10 s of clear speech)</source>
        <translation>添加参考声音（3–10 秒清晰语音）</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="79"/>
        <location filename="../ui/speakers/speakers_panel.cpp" line="326"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="80"/>
        <source>Trim</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="80"/>
        <source>Keep only the selected part of the voice</source>
        <translation>只保留声音中选中的部分</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="81"/>
        <source>Play voice</source>
        <translation>播放声音</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="182"/>
        <source>Audio (%1)</source>
        <translation>音频 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="183"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="185"/>
        <source>Reference voice</source>
        <translation>参考声音</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="195"/>
        <source>Cannot use %1: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="199"/>
        <source>Cannot use %1 as a voice</source>
        <translation>无法把 %1 用作声音</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="206"/>
        <source>Cannot attach the voice: %1</source>
        <translation>无法添加声音：%1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="210"/>
        <source>Voice attached: %1</source>
        <translation>已添加声音：%1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="244"/>
        <location filename="../ui/speakers/speakers_panel.cpp" line="250"/>
        <source>Cannot write the trimmed voice: %1</source>
        <translation>无法写入裁剪后的声音：%1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="254"/>
        <source>Trim voice of %1</source>
        <translation>裁剪 %1 的声音</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="291"/>
        <source>Add a speaker for each voice in the scene.</source>
        <translation>为场景中的每个声音添加一位说话人。</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="294"/>
        <source>%1 has no reference voice: the model picks one.</source>
        <translation>%1 没有参考声音：将由模型自行选择。</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="297"/>
        <source>mono</source>
        <translation>单声道</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="298"/>
        <source>stereo</source>
        <translation>立体声</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="299"/>
        <source>%1 channels</source>
        <translation>%1 声道</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="300"/>
        <source>%1 · %2 s · %3 kHz · %4</source>
        <translation>%1 · %2 秒 · %3 kHz · %4</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="326"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="330"/>
        <source>No audio output device: playback is unavailable</source>
        <translation>没有音频输出设备：无法播放</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="331"/>
        <source>Play the voice, or the selected part (%1)</source>
        <translation>播放声音或选中的部分（%1）</translation>
    </message>
</context>
<context>
    <name>nava::ui::SubtitleText</name>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="61"/>
        <source>expected a cue timing like 00:00:01,000 --&gt; 00:00:02,500</source>
        <translation>应为形如 00:00:01,000 --&gt; 00:00:02,500 的时间轴</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="65"/>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="120"/>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="197"/>
        <source>the cue ends before it starts</source>
        <translation>该条目的结束时间早于开始时间</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="118"/>
        <source>expected a cue number or timing</source>
        <translation>应为条目序号或时间轴</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="162"/>
        <source>expected &quot;start&lt;TAB&gt;end&lt;TAB&gt;label&quot;</source>
        <translation>应为“开始&lt;TAB&gt;结束&lt;TAB&gt;标签”</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="167"/>
        <source>label times must be seconds like 1.250000</source>
        <translation>标签时间必须是秒数，例如 1.250000</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_formats.cpp" line="200"/>
        <source>unknown subtitle format</source>
        <translation>未知的字幕格式</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="86"/>
        <source>a WebVTT file starts with &quot;WEBVTT&quot;</source>
        <translation>WebVTT 文件必须以 &quot;WEBVTT&quot; 开头</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="108"/>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="117"/>
        <source>expected a cue timing like 00:01.000 --&gt; 00:02.500</source>
        <translation>应为形如 00:01.000 --&gt; 00:02.500 的时间轴</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="166"/>
        <source>expected &quot;Key: value&quot;</source>
        <translation>应为“键: 值”</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="175"/>
        <source>the Format line needs Start, End and Text (last)</source>
        <translation>Format 行需要包含 Start、End 和 Text（放在最后）</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="181"/>
        <source>a Dialogue line before the Format line</source>
        <translation>Dialogue 行出现在 Format 行之前</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="188"/>
        <source>the Dialogue line has too few fields</source>
        <translation>Dialogue 行的字段太少</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="196"/>
        <source>expected times like 0:00:01.25</source>
        <translation>应为形如 0:00:01.25 的时间</translation>
    </message>
    <message>
        <location filename="../ui/timeline/subtitle_vtt_ass.cpp" line="204"/>
        <source>no [Events] section</source>
        <translation>缺少 [Events] 段</translation>
    </message>
</context>
<context>
    <name>nava::ui::TimelinePanel</name>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="25"/>
        <source>&lt;b&gt;Timeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;时间轴&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="28"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="30"/>
        <source>Read speech and timing from SRT, WebVTT, ASS or Audacity label files</source>
        <translation>从 SRT、WebVTT、ASS 或 Audacity 标签文件读取语音与时间</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="33"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="34"/>
        <source>Write the speech as subtitles or labels</source>
        <translation>将语音导出为字幕或标签</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="39"/>
        <source>SubRip (.srt)</source>
        <translation>SubRip (.srt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="40"/>
        <source>WebVTT (.vtt)</source>
        <translation>WebVTT (.vtt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="41"/>
        <source>Advanced SubStation (.ass)</source>
        <translation>Advanced SubStation (.ass)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="42"/>
        <source>Audacity labels (.txt)</source>
        <translation>Audacity 标签 (.txt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="91"/>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="93"/>
        <source>%1: unknown kind of file (use .srt, .vtt, .ass or .txt)</source>
        <translation>%1：未知的文件类型（请使用 .srt、.vtt、.ass 或 .txt）</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="97"/>
        <location filename="../ui/timeline/timeline_panel.cpp" line="104"/>
        <location filename="../ui/timeline/timeline_panel.cpp" line="118"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="100"/>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="106"/>
        <source>%1 holds no speech</source>
        <translation>%1 中没有语音</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="109"/>
        <source>Imported lines of speech: %1</source>
        <translation>已导入语音行数：%1</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="123"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="129"/>
        <source>Import speech</source>
        <translation>导入语音</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="130"/>
        <source>Subtitles and labels (*.srt *.vtt *.ass *.ssa *.txt)</source>
        <translation>字幕与标签 (*.srt *.vtt *.ass *.ssa *.txt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="131"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="138"/>
        <source>Export speech</source>
        <translation>导出语音</translation>
    </message>
</context>
<context>
    <name>nava::ui::TimelineView</name>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="36"/>
        <source>Speech timeline</source>
        <translation>语音时间轴</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="37"/>
        <source>Drag a block to move its speech, drag an edge to change when it starts or ends; arrow keys nudge the selected one</source>
        <translation>拖动方块可移动语音，拖动边缘可调整开始或结束时间；方向键可微调所选语音</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="180"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="195"/>
        <source>No speaker</source>
        <translation>无说话人</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="202"/>
        <source>Marked speech appears here, one lane per speaker</source>
        <translation>标记的语音会显示在这里，每位说话人一条轨道</translation>
    </message>
</context>
<context>
    <name>nava::ui::Validation</name>
    <message>
        <location filename="../ui/project/validation.cpp" line="29"/>
        <source>&lt;E&gt; without a &lt;S&gt; before it</source>
        <translation>&lt;E&gt; 之前没有 &lt;S&gt;</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="32"/>
        <source>&lt;S&gt; is never closed with &lt;E&gt;</source>
        <translation>&lt;S&gt; 没有用 &lt;E&gt; 闭合</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="35"/>
        <source>&lt;S&gt; opened again before &lt;E&gt;: speech cannot nest</source>
        <translation>在 &lt;E&gt; 之前再次出现 &lt;S&gt;：语音不能嵌套</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="38"/>
        <source>&lt;S&gt;&lt;E&gt; holds no words</source>
        <translation>&lt;S&gt;&lt;E&gt; 之间没有文字</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="69"/>
        <source>Speech %1 (“%2”) has no speaker</source>
        <translation>第 %1 段语音（“%2”）没有说话人</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="76"/>
        <source>Speech %1 (“%2”) ends after the clip (%3)</source>
        <translation>第 %1 段语音（“%2”）在片段结束（%3）之后才结束</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="83"/>
        <source>%1 speaks speech %2 and %3 at the same time</source>
        <translation>%1 同时说第 %2 段和第 %3 段语音</translation>
    </message>
    <message>
        <location filename="../ui/project/validation.cpp" line="90"/>
        <source>%1 reference voices: the model was trained with at most %2</source>
        <translation>%1 个参考声音：模型训练时最多使用 %2 个</translation>
    </message>
</context>
<context>
    <name>nava::ui::VoiceText</name>
    <message>
        <location filename="../ui/speakers/voice_analysis.cpp" line="49"/>
        <source>Only %1 s long: 3–10 s of clear speech captures a voice best.</source>
        <translation>只有 %1 秒：3–10 秒的清晰语音最能体现音色。</translation>
    </message>
    <message>
        <location filename="../ui/speakers/voice_analysis.cpp" line="52"/>
        <source>%1 s long: trim it to the best 3–10 s of speech.</source>
        <translation>长 %1 秒：请裁剪出最好的 3–10 秒语音。</translation>
    </message>
    <message>
        <location filename="../ui/speakers/voice_analysis.cpp" line="55"/>
        <source>Clipped: %1 % of the samples hit full scale (distortion).</source>
        <translation>削波：%1% 的采样达到满幅（失真）。</translation>
    </message>
    <message>
        <location filename="../ui/speakers/voice_analysis.cpp" line="58"/>
        <source>Nearly silent (%1 dBFS): is this the right recording?</source>
        <translation>几乎无声（%1 dBFS）：这是正确的录音吗？</translation>
    </message>
</context>
<context>
    <name>nava::ui::WaveformView</name>
    <message>
        <location filename="../ui/speakers/waveform_view.cpp" line="13"/>
        <source>Voice waveform</source>
        <translation>声音波形</translation>
    </message>
    <message>
        <location filename="../ui/speakers/waveform_view.cpp" line="14"/>
        <source>Drag to select a part of the voice; Esc clears the selection</source>
        <translation>拖动以选择声音的一部分；按 Esc 清除选择</translation>
    </message>
    <message>
        <location filename="../ui/speakers/waveform_view.cpp" line="81"/>
        <source>No voice attached — drop a WAV file here</source>
        <translation>尚未添加声音 — 把 WAV 文件拖到这里</translation>
    </message>
</context>
</TS>
