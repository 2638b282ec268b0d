<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>nava::ui::CheckText</name>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="59"/>
        <source>the clip does not exist: %1</source>
        <translation>片段不存在：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="64"/>
        <source>not a known video or sound file type</source>
        <translation>不是已知的视频或音频文件类型</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="67"/>
        <source>no caption</source>
        <translation>没有字幕描述</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="69"/>
        <source>the caption is empty</source>
        <translation>字幕描述为空</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="74"/>
        <source>the caption has unpaired &lt;S&gt;/&lt;E&gt; speech markers</source>
        <translation>字幕描述中有未配对的 &lt;S&gt;/&lt;E&gt; 语音标记</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="87"/>
        <source>no sound: the audio branch learns nothing from this clip</source>
        <translation>没有声音：音频分支无法从该片段中学习</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="89"/>
        <source>sound only</source>
        <translation>仅声音</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="92"/>
        <source>only %1 s long</source>
        <translation>只有 %1 秒</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="95"/>
        <source>%1 s long: training uses at most %2 s of it</source>
        <translation>时长 %1 秒：训练最多使用其中 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="100"/>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="153"/>
        <source>the record names no clip (expected a &quot;video&quot; or &quot;path&quot; key)</source>
        <translation>该记录没有指明片段（需要 &quot;video&quot; 或 &quot;path&quot; 键）</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="180"/>
        <source>record %1</source>
        <translation>第 %1 条记录</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="189"/>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="192"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="201"/>
        <source>no clips found</source>
        <translation>未找到片段</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="204"/>
        <source>%1 more issues not listed</source>
        <translation>另有 %1 个问题未列出</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="224"/>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="226"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="228"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="235"/>
        <source>studio checks</source>
        <translation>工作室自检</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="239"/>
        <source>no dataset chosen</source>
        <translation>未选择数据集</translation>
    </message>
    <message>
        <location filename="../ui/training/dataset_check.cpp" line="240"/>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
</context>
<context>
    <name>nava::ui::ClipWaveform</name>
    <message>
        <location filename="../ui/player/clip_waveform.cpp" line="13"/>
        <source>Sound waveform</source>
        <translation>声音波形</translation>
    </message>
    <message>
        <location filename="../ui/player/clip_waveform.cpp" line="14"/>
        <source>The clip&apos;s sound; click or drag to move the playhead</source>
        <translation>片段的声音；点击或拖动以移动播放头</translation>
    </message>
</context>
<context>
    <name>nava::ui::ExportText</name>
    <message>
        <location filename="../ui/player/clip_export.cpp" line="28"/>
        <source>the copy would replace the clip itself</source>
        <translation>副本会覆盖片段本身</translation>
    </message>
    <message>
        <location filename="../ui/player/clip_export.cpp" line="74"/>
        <source>there is no picture on screen</source>
        <translation>当前没有显示画面</translation>
    </message>
</context>
<context>
    <name>nava::ui::FakeEngineClient</name>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="33"/>
        <source>%1 is not a model package folder</source>
        <translation>%1 不是模型包文件夹</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="38"/>
        <source>Preview engine</source>
        <translation>预览引擎</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="39"/>
        <source>Simulated generation: clips are painted previews</source>
        <translation>模拟生成：片段是绘制的预览</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="40"/>
        <source>Simulated generation: no clip is rendered yet</source>
        <translation>模拟生成：尚未真正渲染片段</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="94"/>
        <source>sampling</source>
        <translation>采样中</translation>
    </message>
    <message>
        <location filename="../ui/engine/fake_engine_client.cpp" line="214"/>
        <source>Cannot write the preview clip: %1</source>
        <translation>无法写入预览片段：%1</translation>
    </message>
</context>
<context>
    <name>nava::ui::FrameView</name>
    <message>
        <location filename="../ui/player/frame_view.cpp" line="11"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
</context>
<context>
    <name>nava::ui::GalleryModel</name>
    <message>
        <location filename="../ui/gallery/gallery_delegate.cpp" line="75"/>
        <location filename="../ui/gallery/gallery_delegate.cpp" line="108"/>
        <source>file missing</source>
        <translation>文件丢失</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_delegate.cpp" line="77"/>
        <location filename="../ui/gallery/gallery_model.cpp" line="161"/>
        <source>sound only</source>
        <translation>仅声音</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="142"/>
        <source>%1 (the file is missing)</source>
        <translation>%1（文件丢失）</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="162"/>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="187"/>
        <source>the gallery index is damaged: %1</source>
        <translation>作品库索引已损坏：%1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="242"/>
        <source>%1 holds no picture or sound</source>
        <translation>%1 既没有画面也没有声音</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="266"/>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="270"/>
        <source>%1 is not a video or sound file</source>
        <translation>%1 不是视频或音频文件</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="351"/>
        <source>%1 is not in the gallery</source>
        <translation>%1 不在作品库中</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="360"/>
        <source>%1 could not be moved to the trash</source>
        <translation>无法将 %1 移到回收站</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_model.cpp" line="361"/>
        <source>%1 could not be deleted</source>
        <translation>无法删除 %1</translation>
    </message>
</context>
<context>
    <name>nava::ui::GalleryPanel</name>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="43"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="51"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="51"/>
        <source>Open the clip in the player</source>
        <translation>在播放器中打开片段</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="52"/>
        <source>Re-run</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="52"/>
        <source>Queue the same recipe again (same seed, same settings)</source>
        <translation>将同一配方再次加入队列（相同种子、相同设置）</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="54"/>
        <source>Restore recipe</source>
        <translation>恢复配方</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="55"/>
        <source>Put this clip&apos;s prompt, speakers and settings into the editor (one undo step)</source>
        <translation>把该片段的提示词、说话人和设置放回编辑器（可一步撤销）</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="58"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="58"/>
        <source>Open the folder that holds the clip</source>
        <translation>打开片段所在的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="60"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="60"/>
        <source>Move the clip to the trash or remove it from the gallery</source>
        <translation>将片段移到回收站，或从作品库中移除</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="62"/>
        <source>Add clips…</source>
        <translation>添加片段…</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="62"/>
        <source>Add video or sound files to the gallery</source>
        <translation>将视频或音频文件添加到作品库</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="64"/>
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="64"/>
        <source>Look for new clips in the output folder</source>
        <translation>在输出文件夹中查找新片段</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="99"/>
        <source>Filter by prompt…</source>
        <translation>按提示词筛选…</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="100"/>
        <source>Filter clips</source>
        <translation>筛选片段</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="101"/>
        <source>Show only clips whose prompt contains these words</source>
        <translation>只显示提示词中包含这些文字的片段</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="123"/>
        <source>Clips</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="143"/>
        <source>No clips yet. Clips you generate appear here; you can also add files or drop a clip made by NAVA Studio onto the window to restore its recipe.</source>
        <translation>还没有片段。生成的片段会显示在这里；你也可以添加文件，或把 NAVA Studio 生成的片段拖到窗口上以恢复其配方。</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="159"/>
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="216"/>
        <source>The clip is missing: %1</source>
        <translation>片段丢失：%1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="236"/>
        <location filename="../ui/gallery/gallery_panel.cpp" line="255"/>
        <location filename="../ui/gallery/gallery_panel.cpp" line="259"/>
        <source>Delete clip</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="237"/>
        <source>Move “%1” to the trash, or only remove it from the gallery?</source>
        <translation>将“%1”移到回收站，还是只从作品库中移除？</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="239"/>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="240"/>
        <source>Remove from gallery</source>
        <translation>从作品库移除</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="250"/>
        <source>Moved to the trash: %1</source>
        <translation>已移到回收站：%1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="255"/>
        <source>%1

Delete “%2” permanently?</source>
        <translation>%1

要永久删除“%2”吗？</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="264"/>
        <location filename="../ui/gallery/gallery_panel.cpp" line="273"/>
        <source>Add clips</source>
        <translation>添加片段</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="265"/>
        <source>Video and sound (*.mp4 *.mov *.mkv *.webm *.wav *.flac *.mp3 *.ogg *.m4a)</source>
        <translation>视频和音频 (*.mp4 *.mov *.mkv *.webm *.wav *.flac *.mp3 *.ogg *.m4a)</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="279"/>
        <source>New clips found: %1</source>
        <translation>找到新片段：%1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="294"/>
        <source>This clip carries no recipe</source>
        <translation>该片段没有配方</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="305"/>
        <source>Select a clip to see how it was made.</source>
        <translation>选择一个片段，查看它是如何生成的。</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="319"/>
        <source>The file is missing. The recipe can still be re-run or restored.</source>
        <translation>文件已丢失。仍可重新生成或恢复其配方。</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="324"/>
        <source>This clip carries no recipe: it was not made by NAVA Studio, or its metadata was removed.</source>
        <translation>该片段没有配方：它不是由 NAVA Studio 生成的，或者其元数据已被删除。</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_panel.cpp" line="332"/>
        <source>Recipe (JSON)</source>
        <translation>配方（JSON）</translation>
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
        <location filename="../ui/generation/generation_panel.cpp" line="43"/>
        <source>Everything stays on the GPU: fastest, most memory</source>
        <translation>全部常驻 GPU：最快，占用显存最多</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="45"/>
        <source>The text encoder leaves the GPU after encoding</source>
        <translation>文本编码完成后将文本编码器移出 GPU</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="47"/>
        <source>8-bit weights, text encoder offload, tiled VAE decoding</source>
        <translation>8 位权重、文本编码器卸载、VAE 分块解码</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="49"/>
        <source>Transformer blocks paged between CPU and GPU: least memory, slowest</source>
        <translation>Transformer 块在 CPU 与 GPU 之间换页：显存最少，速度最慢</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="59"/>
        <source>&lt;b&gt;Generation&lt;/b&gt;</source>
        <translation>&lt;b&gt;生成&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="66"/>
        <source>Picture and sound</source>
        <translation>画面与声音</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="67"/>
        <source>From a first frame</source>
        <translation>从首帧开始</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="68"/>
        <source>Sound only</source>
        <translation>仅声音</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="69"/>
        <source>Text to picture and sound, continue a first frame, or sound alone</source>
        <translation>文本生成画面与声音、延续首帧，或只生成声音</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="70"/>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="72"/>
        <source>Change mode</source>
        <translation>更改模式</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="82"/>
        <source>No image chosen</source>
        <translation>未选择图片</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="84"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="85"/>
        <source>The picture the clip starts from</source>
        <translation>片段开始时的画面</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="88"/>
        <source>First frame:</source>
        <translation>首帧：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="92"/>
        <source>First frame</source>
        <translation>首帧</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="92"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="94"/>
        <source>Choose first frame</source>
        <translation>选择首帧</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="102"/>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="104"/>
        <source>Width × height in pixels (multiples of 32)</source>
        <translation>宽 × 高（像素，32 的倍数）</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="107"/>
        <source>&amp;Size:</source>
        <translation>尺寸(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="111"/>
        <source>Change size</source>
        <translation>更改尺寸</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="128"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="130"/>
        <source>Snapped to whole latent frames: 6 per second, plus one</source>
        <translation>对齐到整数潜在帧：每秒 6 帧，外加 1 帧</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="134"/>
        <source>&amp;Duration:</source>
        <translation>时长(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="137"/>
        <source>Change duration</source>
        <translation>更改时长</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="147"/>
        <source>The same seed and settings give the same clip</source>
        <translation>相同的种子和设置会得到相同的片段</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="149"/>
        <source>Fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="150"/>
        <source>Increment</source>
        <translation>递增</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="151"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="153"/>
        <source>Fixed: every job uses this seed. Increment: +1 after each job. Random: a new seed per job</source>
        <translation>固定：每个任务都用这个种子。递增：每个任务后加 1。随机：每个任务使用新种子</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="156"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="157"/>
        <source>Pick a random seed now</source>
        <translation>立即随机选取一个种子</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="161"/>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="163"/>
        <source>Change seed</source>
        <translation>更改种子</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="166"/>
        <source>Change seed mode</source>
        <translation>更改种子模式</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="172"/>
        <source>New random seed</source>
        <translation>新的随机种子</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="180"/>
        <source>Sampling steps: more is slower and usually cleaner (50 is the reference)</source>
        <translation>采样步数：越多越慢，通常也越干净（参考值为 50）</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="183"/>
        <source>UniPC</source>
        <translation>UniPC</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="184"/>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="185"/>
        <source>The ODE solver of the sampler</source>
        <translation>采样器使用的 ODE 求解器</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="188"/>
        <source>S&amp;teps:</source>
        <translation>步数(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="190"/>
        <source>Change steps</source>
        <translation>更改步数</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="193"/>
        <source>Change solver</source>
        <translation>更改求解器</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="201"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="204"/>
        <source>How the model is spread over GPU and CPU memory</source>
        <translation>模型在 GPU 与 CPU 内存之间的分布方式</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="205"/>
        <source>M&amp;emory:</source>
        <translation>内存(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="207"/>
        <source>Change memory profile</source>
        <translation>更改内存方案</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="214"/>
        <source>Model packages found in the folders set in Settings</source>
        <translation>在设置中指定的文件夹里找到的模型包</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="216"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="217"/>
        <source>Load the chosen model now instead of at the first job</source>
        <translation>立即加载所选模型，而不是等到第一个任务</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="220"/>
        <source>Mode&amp;l:</source>
        <translation>模型(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="222"/>
        <source>Change model</source>
        <translation>更改模型</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="230"/>
        <source>Advanced guidance</source>
        <translation>高级引导</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="253"/>
        <source>Flow-matching time shift (5 in the reference)</source>
        <translation>Flow Matching 时间偏移（参考值为 5）</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="254"/>
        <source>How strongly the picture follows the prompt</source>
        <translation>画面遵循提示词的强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="255"/>
        <source>How strongly the picture follows the sound</source>
        <translation>画面跟随声音的强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="256"/>
        <source>How strongly the sound follows the prompt</source>
        <translation>声音遵循提示词的强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="257"/>
        <source>How strongly the sound follows the picture</source>
        <translation>声音跟随画面的强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="258"/>
        <source>How strongly speech follows the reference voices</source>
        <translation>语音贴合参考声音的强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="259"/>
        <source>Audio–video alignment pass</source>
        <translation>音画对齐推理</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="260"/>
        <source>An extra pass per step without audio–video attention</source>
        <translation>每步额外进行一次不含音画注意力的推理</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="261"/>
        <source>Voice pass</source>
        <translation>音色推理</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="262"/>
        <source>An extra pass per step without the reference voices</source>
        <translation>每步额外进行一次不含参考声音的推理</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="263"/>
        <source>Shift:</source>
        <translation>偏移：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="264"/>
        <source>Video ← text:</source>
        <translation>视频 ← 文本：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="265"/>
        <source>Video ← audio:</source>
        <translation>视频 ← 音频：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="266"/>
        <source>Audio ← text:</source>
        <translation>音频 ← 文本：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="267"/>
        <source>Audio ← video:</source>
        <translation>音频 ← 视频：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="268"/>
        <source>Voice:</source>
        <translation>音色：</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="272"/>
        <source>Change shift</source>
        <translation>更改偏移</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="275"/>
        <source>Change guidance</source>
        <translation>更改引导强度</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="307"/>
        <source>Embedded NAVA-tiny</source>
        <translation>内置 NAVA-tiny</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="360"/>
        <source>Custom %1 × %2</source>
        <translation>自定义 %1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="368"/>
        <source>%1 latent frames · %2 video frames</source>
        <translation>%1 个潜在帧 · %2 个视频帧</translation>
    </message>
    <message>
        <location filename="../ui/generation/generation_panel.cpp" line="389"/>
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
    <name>nava::ui::LocalEngineClient</name>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="121"/>
        <source>No model package found. Download the official weights (Hugging Face repository ernie-research/NAVA; see the README, section &quot;Official weights&quot;), add their folder under Settings → Model folders, then choose it under Model on the Create tab and press Load. Or set NAVA_PACKAGE to a package folder before starting the studio.</source>
        <translation>未找到模型包。请下载官方权重（Hugging Face 仓库 ernie-research/NAVA；参见 README 的 &quot;Official weights&quot; 一节），在“设置 → 模型文件夹”中添加其所在文件夹，然后在“创作”页的“模型”中选择它并点击“加载”。也可以在启动工作室之前将 NAVA_PACKAGE 设为某个模型包文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="130"/>
        <source>loading the model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="131"/>
        <source>encoding text</source>
        <translation>正在编码文本</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="132"/>
        <source>encoding voices</source>
        <translation>正在编码声音</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="133"/>
        <source>sampling</source>
        <translation>采样中</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="134"/>
        <source>decoding video</source>
        <translation>正在解码视频</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="135"/>
        <source>decoding audio</source>
        <translation>正在解码音频</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="136"/>
        <source>writing the clip</source>
        <translation>正在写入片段</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="152"/>
        <source>%1 parameters</source>
        <translation>%1 参数</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/engine/local_engine_client.cpp" line="154"/>
        <source>%n steps</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="156"/>
        <source>no voice cloning</source>
        <translation>不支持声音克隆</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="218"/>
        <source>No model package is loaded: %1</source>
        <translation>未加载模型包：%1</translation>
    </message>
    <message>
        <location filename="../ui/engine/local_engine_client.cpp" line="245"/>
        <source>The model package %1 could not be loaded: %2</source>
        <translation>无法加载模型包 %1：%2</translation>
    </message>
</context>
<context>
    <name>nava::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="383"/>
        <source>NAVA Studio</source>
        <translation>NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="208"/>
        <source>Create</source>
        <translation>创作</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="423"/>
        <source>Model not loaded: %1</source>
        <translation>模型未加载：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="86"/>
        <source>Finished: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="93"/>
        <source>Cannot save the gallery: %1</source>
        <translation>无法保存作品库：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="96"/>
        <source>A job failed: %1</source>
        <translation>有任务失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="99"/>
        <source>Cannot save the queue: %1</source>
        <translation>无法保存队列：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="107"/>
        <location filename="../ui/main_window.cpp" line="158"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="109"/>
        <location filename="../ui/main_window.cpp" line="159"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="115"/>
        <source>Cannot generate</source>
        <translation>无法生成</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="126"/>
        <source>The saved queue could not be read: %1</source>
        <translation>无法读取已保存的队列：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="128"/>
        <source>The gallery index could not be read: %1</source>
        <translation>无法读取作品库索引：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="160"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="162"/>
        <source>Add the current project to the queue (%1)</source>
        <translation>将当前项目加入队列（%1）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="164"/>
        <source>Rewrite…</source>
        <translation>改写…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="191"/>
        <source>Cannot re-run</source>
        <translation>无法重新生成</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="197"/>
        <location filename="../ui/main_window_actions.cpp" line="349"/>
        <source>Cannot restore the recipe</source>
        <translation>无法恢复配方</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <location filename="../ui/main_window_actions.cpp" line="354"/>
        <location filename="../ui/main_window_actions.cpp" line="390"/>
        <source>Recipe restored</source>
        <translation>配方已恢复</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="209"/>
        <location filename="../ui/main_window.cpp" line="462"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="210"/>
        <source>Gallery</source>
        <translation>作品库</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="211"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>Write the scene, mark who speaks, generate</source>
        <translation>描写场景、标记说话人、生成</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="213"/>
        <source>Jobs waiting, running and done</source>
        <translation>等待中、进行中和已完成的任务</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="214"/>
        <source>Every clip you made: play, re-run, restore its recipe</source>
        <translation>你生成的每个片段：播放、重新生成、恢复配方</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Fine-tune the model on your own footage</source>
        <translation>使用你自己的素材微调模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="236"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="243"/>
        <source>&amp;New project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="247"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="249"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="251"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="252"/>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>Restore recipe from &amp;clip…</source>
        <translation>从片段恢复配方(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="258"/>
        <source>Bring the prompt, speakers and settings of a clip made by NAVA Studio back into the editor (you can also drop the clip onto the window)</source>
        <translation>把 NAVA Studio 生成的片段的提示词、说话人和设置放回编辑器（也可以直接把片段拖到窗口上）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="261"/>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="274"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="281"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>&amp;Create</source>
        <translation>创作(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>&amp;Queue</source>
        <translation>队列(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>&amp;Gallery</source>
        <translation>作品库(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="288"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="300"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="303"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="303"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="303"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="316"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="317"/>
        <source>Getting a &amp;model…</source>
        <translation>获取模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="318"/>
        <source>&amp;About NAVA Studio</source>
        <translation>关于 NAVA Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="319"/>
        <source>About NAVA Studio</source>
        <translation>关于 NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="320"/>
        <source>NAVA Studio makes short clips whose picture and sound are generated together.</source>
        <translation>NAVA Studio 生成画面与声音同步生成的短片。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="362"/>
        <source>Training is running</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="363"/>
        <source>Quitting stops the training run. The next start continues from its newest checkpoint. Quit anyway?</source>
        <translation>退出会停止训练。下次开始时将从最新的检查点继续。仍要退出吗？</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="391"/>
        <source>Let a language model expand the prompt into one cinematic paragraph; spoken parts stay as written</source>
        <translation>让语言模型把提示词扩写成一段电影感的描述；说话内容保持原样</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="393"/>
        <source>Set a rewrite endpoint in Settings to enable Rewrite</source>
        <translation>请在设置中配置改写接口以启用改写</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="408"/>
        <source>Model ready: %1</source>
        <translation>模型已就绪：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="411"/>
        <source>Model ready: %1 (%2)</source>
        <translation>模型已就绪：%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="419"/>
        <source>The model package %1 could not be loaded: %2</source>
        <translation>无法加载模型包 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="422"/>
        <source>No model: %1</source>
        <translation>没有模型：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="432"/>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="440"/>
        <source>No model package</source>
        <translation>没有模型包</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="450"/>
        <source>The model in use: %1 (%2).</source>
        <translation>当前使用的模型：%1（%2）。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="454"/>
        <source>Getting a model</source>
        <translation>获取模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="462"/>
        <source>Queue (%1)</source>
        <translation>队列（%1）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="465"/>
        <source>Queue paused</source>
        <translation>队列已暂停</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="468"/>
        <source>Generating %1/%2</source>
        <translation>正在生成 %1/%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="470"/>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="39"/>
        <source>NAVA projects (*.nava)</source>
        <translation>NAVA 项目 (*.nava)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="76"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="103"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="105"/>
        <source>unfinished jobs back in the queue: %1</source>
        <translation>未完成的任务已重新加入队列：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="115"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="124"/>
        <location filename="../ui/main_window_actions.cpp" line="138"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="131"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="134"/>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="145"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="145"/>
        <source>Save the changes to %1?</source>
        <translation>是否保存对 %1 的更改？</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="155"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="164"/>
        <source>Recover changes</source>
        <translation>恢复更改</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="165"/>
        <source>%1 has unsaved changes from %2 (the studio did not close normally). Restore them?</source>
        <translation>%1 有来自 %2 的未保存更改（工作室未正常关闭）。是否恢复？</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="176"/>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="176"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="179"/>
        <source>Voice clips</source>
        <translation>声音片段</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="189"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="197"/>
        <source>Recover unsaved project</source>
        <translation>恢复未保存的项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="198"/>
        <source>An unsaved project from %1 was left behind when the studio did not close normally. Restore it?</source>
        <translation>工作室未正常关闭，留下了一个来自 %1 的未保存项目。是否恢复？</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="208"/>
        <source>Unsaved project restored</source>
        <translation>已恢复未保存的项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="212"/>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="262"/>
        <source>Next seed</source>
        <translation>下一个种子</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="266"/>
        <source>Queued: %1</source>
        <translation>已加入队列：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="267"/>
        <source>Queued with warnings: %1</source>
        <translation>已加入队列（有警告）：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="277"/>
        <source>Rewriting the prompt…</source>
        <translation>正在改写提示词…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="286"/>
        <source>Rewrite failed</source>
        <translation>改写失败</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="293"/>
        <source>Rewrite</source>
        <translation>改写</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="294"/>
        <source>The prompt changed while it was being rewritten; the rewrite was not applied.</source>
        <translation>改写期间提示词已被修改，改写结果未应用。</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="299"/>
        <source>Rewrite prompt</source>
        <translation>改写提示词</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="320"/>
        <source>Queued again: %1</source>
        <translation>已重新加入队列：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="331"/>
        <source>Recipe restored; Undo takes it back</source>
        <translation>配方已恢复；可用撤销还原</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="343"/>
        <source>Restore recipe from clip</source>
        <translation>从片段恢复配方</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="344"/>
        <source>Clips (*.mp4 *.mov *.mkv *.webm *.wav);;All files (*)</source>
        <translation>片段 (*.mp4 *.mov *.mkv *.webm *.wav);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="382"/>
        <source>No recipe restored</source>
        <translation>未恢复配方</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="383"/>
        <source>Cannot restore a recipe</source>
        <translation>无法恢复配方</translation>
    </message>
    <message>
        <location filename="../ui/main_window_actions.cpp" line="388"/>
        <source>Recipe restored from %1; Undo takes it back</source>
        <translation>已从 %1 恢复配方；可用撤销还原</translation>
    </message>
</context>
<context>
    <name>nava::ui::PlayerWidget</name>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="80"/>
        <source>Clip player</source>
        <translation>片段播放器</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="90"/>
        <source>Click to give the player the keyboard: Space plays and pauses, the arrow keys step one frame</source>
        <translation>点击后播放器接收键盘：空格键播放/暂停，方向键逐帧移动</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="97"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="98"/>
        <source>Position in the clip</source>
        <translation>片段中的位置</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="138"/>
        <location filename="../ui/player/player_widget.cpp" line="139"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="145"/>
        <location filename="../ui/player/player_widget.cpp" line="147"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="146"/>
        <source>Save the clip, its sound or the picture on screen</source>
        <translation>保存片段、其声音或当前画面</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="191"/>
        <location filename="../ui/player/player_widget.cpp" line="478"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="195"/>
        <location filename="../ui/player/player_widget.cpp" line="475"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="199"/>
        <source>Previous frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="202"/>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="205"/>
        <source>Go to start</source>
        <translation>回到开头</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="207"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="210"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="213"/>
        <source>Save clip as MP4…</source>
        <translation>将片段保存为 MP4…</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="215"/>
        <source>Save sound as WAV…</source>
        <translation>将声音保存为 WAV…</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="218"/>
        <source>Save frame as PNG…</source>
        <translation>将画面保存为 PNG…</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="240"/>
        <source>no picture or sound this build can decode</source>
        <translation>没有此版本能解码的画面或声音</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="263"/>
        <source>This clip has no sound</source>
        <translation>该片段没有声音</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="268"/>
        <source>Cannot play %1: %2</source>
        <translation>无法播放 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="278"/>
        <source>This clip has no sound.</source>
        <translation>该片段没有声音。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="281"/>
        <source>Sound is off: the player runs on a silent clock.</source>
        <translation>声音已关闭：播放器使用静音时钟运行。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="282"/>
        <source>No sound: %1. The clip plays silently in real time.</source>
        <translation>没有声音：%1。片段以实时速度静音播放。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="286"/>
        <source>Sound output: %1</source>
        <translation>声音输出：%1</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="289"/>
        <source>Sound only</source>
        <translation>仅声音</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="309"/>
        <source>Open a clip from the gallery to play it here</source>
        <translation>从作品库中打开片段即可在此播放</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="449"/>
        <source>Playback stopped: %1</source>
        <translation>播放已停止：%1</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="467"/>
        <source>frame %1 / %2</source>
        <translation>第 %1 / %2 帧</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="475"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="525"/>
        <source>there is no picture on screen</source>
        <translation>当前没有显示画面</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="539"/>
        <source>Save clip</source>
        <translation>保存片段</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="542"/>
        <source>Video (*.mp4 *.mov *.mkv)</source>
        <translation>视频 (*.mp4 *.mov *.mkv)</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="545"/>
        <source>Save sound</source>
        <translation>保存声音</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="547"/>
        <source>WAV audio (*.wav)</source>
        <translation>WAV 音频 (*.wav)</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="550"/>
        <source>Save frame</source>
        <translation>保存画面</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="553"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="565"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="567"/>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
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
        <location filename="../ui/prompt/prompt_editor.cpp" line="69"/>
        <source>Speaker:</source>
        <translation>说话人：</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="73"/>
        <source>Who speaks the words you mark</source>
        <translation>谁来说你标记的这些话</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="75"/>
        <source>Mark speech</source>
        <translation>标记为语音</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="78"/>
        <source>Mark the selected words as spoken by the chosen speaker (%1)</source>
        <translation>将选中的文字标记为所选说话人的语音（%1）</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="80"/>
        <source>Unmark</source>
        <translation>取消标记</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="84"/>
        <source>Turn the selected speech back into scene description (%1)</source>
        <translation>将选中的语音改回场景描述（%1）</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="103"/>
        <source>Describe the scene: who is there, what happens, how it sounds. Select words and press Mark speech to make someone say them.</source>
        <translation>描述场景：有谁、发生了什么、听起来如何。选中文字并点击“标记为语音”，让某人说出这些话。</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="105"/>
        <source>Scene prompt</source>
        <translation>场景提示词</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="109"/>
        <source>Scene prompt with speech markers</source>
        <translation>带语音标记的场景提示词</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="110"/>
        <source>The prompt as the model reads it: speech between &lt;S&gt; and &lt;E&gt;.</source>
        <translation>模型读取的提示词：语音写在 &lt;S&gt; 和 &lt;E&gt; 之间。</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="111"/>
        <source>Marked</source>
        <translation>标记视图</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="112"/>
        <source>Raw &lt;S&gt;…&lt;E&gt;</source>
        <translation>原文 &lt;S&gt;…&lt;E&gt;</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="113"/>
        <source>Spoken words highlighted in their speaker&apos;s colour</source>
        <translation>说话内容以说话人的颜色高亮显示</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="114"/>
        <source>Edit the markers directly; marks follow</source>
        <translation>直接编辑标记；高亮会同步更新</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="142"/>
        <source>&amp;Negative prompt (what to avoid):</source>
        <translation>反向提示词（需要避免的内容）(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="147"/>
        <source>Empty: the model&apos;s default negative prompt</source>
        <translation>留空：使用模型默认的反向提示词</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="304"/>
        <source>~%1 / %2 tokens (estimate)</source>
        <translation>约 %1 / %2 个词元（估算）</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="305"/>
        <source>%1 / %2 tokens</source>
        <translation>%1 / %2 个词元</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="306"/>
        <source>Characters: %1</source>
        <translation>字符数：%1</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="310"/>
        <source>too long: text past %1 tokens is cut off</source>
        <translation>过长：超过 %1 个词元的文本会被截断</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="364"/>
        <source>Edit prompt</source>
        <translation>编辑提示词</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="417"/>
        <source>Speech without a speaker: choose one and press Mark speech</source>
        <translation>这段语音没有说话人：请选择一位并点击“标记为语音”</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="419"/>
        <source>Spoken by %1</source>
        <translation>由 %1 说出</translation>
    </message>
    <message>
        <location filename="../ui/prompt/prompt_editor.cpp" line="427"/>
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
        <location filename="../ui/queue/queue_panel.cpp" line="283"/>
        <source>Output: %1</source>
        <translation>输出：%1</translation>
    </message>
</context>
<context>
    <name>nava::ui::RecipeText</name>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="25"/>
        <source>text to video with sound</source>
        <translation>文本生成有声视频</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="27"/>
        <source>first frame to video with sound</source>
        <translation>首帧生成有声视频</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="29"/>
        <source>text to sound</source>
        <translation>文本生成声音</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="42"/>
        <source>not a valid recipe: %1</source>
        <translation>不是有效的配方：%1</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="54"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="60"/>
        <source>%1 holds no NAVA recipe: it was not made by NAVA Studio, or its metadata was removed when it was edited or converted.</source>
        <translation>%1 不含 NAVA 配方：它不是由 NAVA Studio 生成的，或者其元数据在编辑或转换时被删除了。</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="100"/>
        <source>Restore recipe</source>
        <translation>恢复配方</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="117"/>
        <source>The voice of %1 is missing: %2</source>
        <translation>%1 的声音文件丢失：%2</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="121"/>
        <source>The voice of %1 changed since the clip was made: %2</source>
        <translation>%1 的声音文件在片段生成后被修改过：%2</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="125"/>
        <source>Cannot attach the voice of %1: %2</source>
        <translation>无法添加 %1 的声音：%2</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="133"/>
        <source>Restore prompt</source>
        <translation>恢复提示词</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="138"/>
        <source>Restore settings</source>
        <translation>恢复设置</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="168"/>
        <source>Avoid:</source>
        <translation>避免：</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="178"/>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="182"/>
        <source>no reference voice</source>
        <translation>无参考声音</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="184"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="186"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="187"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="188"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="189"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="191"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="195"/>
        <source>Guidance</source>
        <translation>引导强度</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="195"/>
        <source>video %1 · audio %2 · voice %3</source>
        <translation>视频 %1 · 音频 %2 · 声音 %3</translation>
    </message>
    <message>
        <location filename="../ui/gallery/recipe_restore.cpp" line="199"/>
        <source>Model</source>
        <translation>模型</translation>
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
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="22"/>
        <source>Removed words are struck through in red, new words are green. Every spoken part is unchanged.</source>
        <translation>删除的文字以红色删除线显示，新增的文字为绿色。所有语音内容均未改变。</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="27"/>
        <source>Rewrite refused.</source>
        <translation>已拒绝此改写。</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="35"/>
        <source>Use rewrite</source>
        <translation>使用改写</translation>
    </message>
    <message>
        <location filename="../ui/rewrite/rewrite_dialog.cpp" line="37"/>
        <source>Keep my prompt</source>
        <translation>保留我的提示词</translation>
    </message>
</context>
<context>
    <name>nava::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="22"/>
        <location filename="../ui/settings/settings_dialog.cpp" line="90"/>
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
        <location filename="../ui/settings/settings_dialog.cpp" line="64"/>
        <source>Used by new projects</source>
        <translation>用于新项目</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="65"/>
        <source>Default memory profile:</source>
        <translation>默认内存方案：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="70"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="73"/>
        <source>Output folder:</source>
        <translation>输出文件夹：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="76"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="82"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="88"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="91"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="92"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="94"/>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="98"/>
        <source>Prompt rewriting (OpenAI-compatible chat endpoint)</source>
        <translation>提示词改写（兼容 OpenAI 的对话接口）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="107"/>
        <source>Sent only to this endpoint; never stored in projects or clips</source>
        <translation>只发送给此接口；不会保存在项目或片段中</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="108"/>
        <source>URL:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="109"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="110"/>
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
        <location filename="../ui/speakers/speakers_panel.cpp" line="59"/>
        <source>&lt;b&gt;Speakers&lt;/b&gt;</source>
        <translation>&lt;b&gt;说话人&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="65"/>
        <source>Speakers</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="67"/>
        <source>Double-click a name to rename; drop a sound or video file on a speaker to attach it as their voice</source>
        <translation>双击名字可重命名；把音频或视频文件拖到说话人上即可作为其声音</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="76"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="76"/>
        <source>Add a speaker</source>
        <translation>添加说话人</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="77"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="77"/>
        <source>Remove the selected speaker</source>
        <translation>移除所选说话人</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="79"/>
        <source>Voice…</source>
        <translation>声音…</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="79"/>
        <source>Attach a reference voice (3–10 s of clear speech)</source>
        <translation>添加参考声音（3–10 秒清晰语音）</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="81"/>
        <location filename="../ui/speakers/speakers_panel.cpp" line="343"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="82"/>
        <source>Trim</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="82"/>
        <source>Keep only the selected part of the voice</source>
        <translation>只保留声音中选中的部分</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="83"/>
        <source>Play voice</source>
        <translation>播放声音</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="184"/>
        <source>Audio (%1)</source>
        <translation>音频 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="185"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="187"/>
        <source>Reference voice</source>
        <translation>参考声音</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="197"/>
        <location filename="../ui/speakers/speakers_panel.cpp" line="212"/>
        <source>Cannot use %1: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="201"/>
        <source>Cannot use %1 as a voice</source>
        <translation>无法把 %1 用作声音</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="221"/>
        <source>Cannot attach the voice: %1</source>
        <translation>无法添加声音：%1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="225"/>
        <source>Voice attached: %1</source>
        <translation>已添加声音：%1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="259"/>
        <location filename="../ui/speakers/speakers_panel.cpp" line="265"/>
        <source>Cannot write the trimmed voice: %1</source>
        <translation>无法写入裁剪后的声音：%1</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="269"/>
        <source>Trim voice of %1</source>
        <translation>裁剪 %1 的声音</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="307"/>
        <source>Add a speaker for each voice in the scene.</source>
        <translation>为场景中的每个声音添加一位说话人。</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="311"/>
        <source>%1 has no reference voice: the model picks one.</source>
        <translation>%1 没有参考声音：将由模型自行选择。</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="314"/>
        <source>mono</source>
        <translation>单声道</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="315"/>
        <source>stereo</source>
        <translation>立体声</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="316"/>
        <source>%1 channels</source>
        <translation>%1 声道</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="317"/>
        <source>%1 · %2 s · %3 kHz · %4</source>
        <translation>%1 · %2 秒 · %3 kHz · %4</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="343"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="348"/>
        <source>No audio output device: playback is unavailable</source>
        <translation>没有音频输出设备：无法播放</translation>
    </message>
    <message>
        <location filename="../ui/speakers/speakers_panel.cpp" line="349"/>
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
        <location filename="../ui/timeline/timeline_panel.cpp" line="92"/>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="95"/>
        <source>%1: unknown kind of file (use .srt, .vtt, .ass or .txt)</source>
        <translation>%1：未知的文件类型（请使用 .srt、.vtt、.ass 或 .txt）</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="99"/>
        <location filename="../ui/timeline/timeline_panel.cpp" line="107"/>
        <location filename="../ui/timeline/timeline_panel.cpp" line="122"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="103"/>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="110"/>
        <source>%1 holds no speech</source>
        <translation>%1 中没有语音</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="113"/>
        <source>Imported lines of speech: %1</source>
        <translation>已导入语音行数：%1</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="127"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="133"/>
        <source>Import speech</source>
        <translation>导入语音</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="134"/>
        <source>Subtitles and labels (*.srt *.vtt *.ass *.ssa *.txt)</source>
        <translation>字幕与标签 (*.srt *.vtt *.ass *.ssa *.txt)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="135"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_panel.cpp" line="143"/>
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
        <location filename="../ui/timeline/timeline_view.cpp" line="38"/>
        <source>Drag a block to move its speech, drag an edge to change when it starts or ends; arrow keys nudge the selected one</source>
        <translation>拖动方块可移动语音，拖动边缘可调整开始或结束时间；方向键可微调所选语音</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="186"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="201"/>
        <source>No speaker</source>
        <translation>无说话人</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_view.cpp" line="206"/>
        <source>Marked speech appears here, one lane per speaker</source>
        <translation>标记的语音会显示在这里，每位说话人一条轨道</translation>
    </message>
</context>
<context>
    <name>nava::ui::TrainingChart</name>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="54"/>
        <location filename="../ui/training/training_chart.cpp" line="68"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="55"/>
        <source>video loss</source>
        <translation>视频损失</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="56"/>
        <source>audio loss</source>
        <translation>音频损失</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="57"/>
        <location filename="../ui/training/training_chart.cpp" line="71"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="65"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="85"/>
        <source>Loss and learning rate</source>
        <translation>损失与学习率</translation>
    </message>
    <message>
        <location filename="../ui/training/training_chart.cpp" line="86"/>
        <source>Loss (left axis) and learning rate (right axis) for every step</source>
        <translation>每一步的损失（左轴）和学习率（右轴）</translation>
    </message>
</context>
<context>
    <name>nava::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="85"/>
        <location filename="../ui/training/training_panel.cpp" line="91"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="90"/>
        <source>Folder of clips with captions, or a manifest</source>
        <translation>带字幕描述的片段文件夹，或清单文件</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="93"/>
        <source>A folder of clips, each with a caption file of the same name (clip.mp4 + clip.txt), or a JSON / JSON Lines manifest</source>
        <translation>一个片段文件夹（每个片段配一个同名字幕描述文件，如 clip.mp4 + clip.txt），或 JSON / JSON Lines 清单</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="95"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="96"/>
        <source>Choose a folder of clips</source>
        <translation>选择片段文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="97"/>
        <source>Manifest…</source>
        <translation>清单…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="98"/>
        <source>Choose a manifest file (JSON or JSON Lines)</source>
        <translation>选择清单文件（JSON 或 JSON Lines）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="105"/>
        <source>&amp;Check dataset</source>
        <translation>检查数据集(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="107"/>
        <source>Check that every clip exists, can be read and has a caption</source>
        <translation>检查每个片段是否存在、可读取并带有字幕描述</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="115"/>
        <source>Validation report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="117"/>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="117"/>
        <source>Finding</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="124"/>
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="129"/>
        <source>Training recipe (JSON)</source>
        <translation>训练配方（JSON）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="130"/>
        <source>Recipe file</source>
        <translation>配方文件</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="131"/>
        <source>The recipe: model, data, batch, steps, optimiser, checkpoints</source>
        <translation>配方：模型、数据、批大小、步数、优化器、检查点</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="132"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="133"/>
        <source>Choose a recipe file</source>
        <translation>选择配方文件</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="136"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="145"/>
        <source>Which stage of a multi-stage recipe to run</source>
        <translation>要运行多阶段配方中的哪个阶段</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="146"/>
        <source>&amp;Stage:</source>
        <translation>阶段(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="148"/>
        <source>&amp;LoRA</source>
        <translation>LoRA(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="149"/>
        <source>Train small low-rank adapters: fast, little memory, easy to share</source>
        <translation>训练小型低秩适配器：速度快、占用内存少、便于分享</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="150"/>
        <source>F&amp;ull fine-tune</source>
        <translation>全量微调(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="151"/>
        <source>Train every weight: the most capable, needs the most memory</source>
        <translation>训练全部权重：效果最强，占用内存最多</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="158"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="162"/>
        <source>Processes to start, one per GPU (nava train --nproc)</source>
        <translation>要启动的进程数，每块 GPU 一个（nava train --nproc）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="163"/>
        <source>&amp;Ranks:</source>
        <translation>进程数(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="166"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="167"/>
        <source>Start training (continues from the newest checkpoint, if any)</source>
        <translation>开始训练（如有检查点，则从最新的检查点继续）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="168"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="169"/>
        <source>Stop after the next checkpoint; Resume continues from it</source>
        <translation>在下一个检查点后停止；继续时从该检查点开始</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="170"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="171"/>
        <source>Start again from the newest checkpoint</source>
        <translation>从最新的检查点重新开始</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="172"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="173"/>
        <source>Stop now; progress since the last checkpoint is lost</source>
        <translation>立即停止；上一个检查点之后的进度会丢失</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="208"/>
        <source>Training progress</source>
        <translation>训练进度</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="221"/>
        <source>Samples</source>
        <translation>样例</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="225"/>
        <source>Sample clips</source>
        <translation>样例片段</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="226"/>
        <source>Clips the trainer renders as it goes; double-click to play</source>
        <translation>训练过程中生成的片段；双击播放</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="233"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="237"/>
        <source>Training log</source>
        <translation>训练日志</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="291"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="296"/>
        <source>Training finished; model written to %1</source>
        <translation>训练完成；模型已写入 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="346"/>
        <source>Whole recipe</source>
        <translation>整个配方</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="360"/>
        <source>Dataset folder</source>
        <translation>数据集文件夹</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="368"/>
        <source>Dataset manifest</source>
        <translation>数据集清单</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="369"/>
        <source>Manifests (*.jsonl *.json);;All files (*)</source>
        <translation>清单 (*.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="376"/>
        <source>Training recipe</source>
        <translation>训练配方</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="378"/>
        <source>Recipes (*.json);;All files (*)</source>
        <translation>配方 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="387"/>
        <source>Choose the recipe to train with.</source>
        <translation>请选择用于训练的配方。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="396"/>
        <source>checkpoint interval %1</source>
        <translation>检查点间隔 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="397"/>
        <source>a checkpoint at the end only</source>
        <translation>只在结束时保存检查点</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="398"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 steps, %3&lt;br&gt;Run folder: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2 步，%3&lt;br&gt;运行文件夹：%4</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="409"/>
        <source>Cannot start: %1</source>
        <translation>无法开始：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="439"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="443"/>
        <source>Finished: model written to %1</source>
        <translation>已完成：模型已写入 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="459"/>
        <source>step %1 of %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="462"/>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="470"/>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="472"/>
        <source>%1 samples/s</source>
        <translation>%1 样本/秒</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="473"/>
        <source>%1 tokens/s</source>
        <translation>%1 token/秒</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="474"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="499"/>
        <source>%1 clips, %2 with captions</source>
        <translation>%1 个片段，其中 %2 个有字幕描述</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="501"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="502"/>
        <source>errors: %1, warnings: %2</source>
        <translation>错误：%1，警告：%2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="506"/>
        <source>checked by: %1</source>
        <translation>检查者：%1</translation>
    </message>
</context>
<context>
    <name>nava::ui::TrainingSession</name>
    <message>
        <location filename="../ui/training/training_session.cpp" line="40"/>
        <source>not a recipe (JSON object): %1</source>
        <translation>不是配方（JSON 对象）：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="85"/>
        <source>step %1/%2</source>
        <translation>第 %1/%2 步</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="91"/>
        <source>resumed after step %1 (%2)</source>
        <translation>从第 %1 步之后继续（%2）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="93"/>
        <source>done: model written to %1</source>
        <translation>完成：模型已写入 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="105"/>
        <source>no recipe chosen</source>
        <translation>未选择配方</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="119"/>
        <source>the recipe has no stage “%1”</source>
        <translation>配方中没有阶段“%1”</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="149"/>
        <source>The trainer did not stop in time; killing it.</source>
        <translation>训练程序未能及时停止，正在强制结束。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="193"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="195"/>
        <source>Training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="197"/>
        <source>Pausing after the next checkpoint…</source>
        <translation>将在下一个检查点后暂停…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="199"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="201"/>
        <location filename="../ui/training/training_session.cpp" line="347"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="203"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="205"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="207"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="258"/>
        <source>cannot create the run folder %1</source>
        <translation>无法创建运行文件夹 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="273"/>
        <source>a run is already going</source>
        <translation>已有训练正在运行</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="277"/>
        <source>the trainer was not found: %1 (it is installed next to the studio)</source>
        <translation>未找到训练程序：%1（它应与工作室安装在同一目录）</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="329"/>
        <source>This recipe writes checkpoints only at the end: stopping now. The next start continues from the newest checkpoint there is.</source>
        <translation>此配方只在结束时保存检查点：现在立即停止。下次开始时将从现有最新的检查点继续。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="337"/>
        <source>Pausing after the next checkpoint (checkpoint interval %1)…</source>
        <translation>将在下一个检查点后暂停（检查点间隔 %1）…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="372"/>
        <source>Checkpoint after step %1 written; pausing.</source>
        <translation>第 %1 步的检查点已写入；正在暂停。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="453"/>
        <source>Paused after step %1. Resume continues from the newest checkpoint.</source>
        <translation>已在第 %1 步后暂停。继续时将从最新的检查点开始。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="458"/>
        <source>Stopped after step %1.</source>
        <translation>已在第 %1 步后停止。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="467"/>
        <source>the trainer crashed</source>
        <translation>训练程序崩溃了</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="468"/>
        <source>the trainer exited with status %1</source>
        <translation>训练程序退出，状态码 %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="469"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="478"/>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="538"/>
        <location filename="../ui/training/training_session.cpp" line="549"/>
        <source>studio checks</source>
        <translation>工作室自检</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="541"/>
        <source>Choose a dataset folder or manifest first.</source>
        <translation>请先选择数据集文件夹或清单。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="553"/>
        <source>This trainer cannot check a recipe&apos;s data; choose the dataset folder or manifest to check it here.</source>
        <translation>此训练程序无法检查配方中的数据；请选择数据集文件夹或清单，在这里进行检查。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_session.cpp" line="601"/>
        <source>the trainer found the data unusable (exit status %1)</source>
        <translation>训练程序认为数据不可用（退出状态 %1）</translation>
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
        <location filename="../ui/speakers/waveform_view.cpp" line="82"/>
        <source>No voice attached — drop a sound or video file here</source>
        <translation>尚未添加声音 — 把音频或视频文件拖到这里</translation>
    </message>
</context>
</TS>
