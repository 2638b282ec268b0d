<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>nava::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="15"/>
        <source>NAVA Studio</source>
        <translation>NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="20"/>
        <source>Write a scene prompt, mark who speaks, attach voices.</source>
        <translation>撰写场景提示词，标记说话者，并添加参考声音。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="21"/>
        <source>Create</source>
        <translation>创作</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="22"/>
        <source>Generation jobs appear here.</source>
        <translation>生成任务会显示在这里。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="22"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="23"/>
        <source>Every clip you make is kept here.</source>
        <translation>你生成的每个片段都保存在这里。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="23"/>
        <source>Gallery</source>
        <translation>作品库</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="24"/>
        <source>Fine-tune the model on your own footage.</source>
        <translation>使用你自己的素材微调模型。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="24"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="28"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="32"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="33"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="37"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="38"/>
        <source>&amp;About NAVA Studio</source>
        <translation>关于 NAVA Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="40"/>
        <source>About NAVA Studio</source>
        <translation>关于 NAVA Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="41"/>
        <source>NAVA Studio makes short clips whose picture and sound are generated together.</source>
        <translation>NAVA Studio 生成画面与声音同步生成的短片。</translation>
    </message>
</context>
</TS>
